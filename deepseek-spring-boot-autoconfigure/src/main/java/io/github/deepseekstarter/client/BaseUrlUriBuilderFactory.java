/*
 * Copyright 2026 the original authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.deepseekstarter.client;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;

/**
 * Spring's {@link DefaultUriBuilderFactory} on DeepSeek's base URL, remembering what a
 * template without variables expands to: the client posts to the same few paths on every
 * call, and expanding one against the base URL (parse, encode, build a {@link URI}) was a
 * few percent of a small call's CPU.
 */
final class BaseUrlUriBuilderFactory implements UriBuilderFactory {

	/**
	 * More paths than the client uses, so that no caller's templates grow it unbounded.
	 */
	static final int MAX_REMEMBERED = 64;

	private final DefaultUriBuilderFactory delegate;

	private final Map<String, URI> expanded = new ConcurrentHashMap<>();

	BaseUrlUriBuilderFactory(URI baseUrl) {
		this.delegate = new DefaultUriBuilderFactory(baseUrl.toString());
	}

	@Override
	public URI expand(String uriTemplate, Object... uriVariables) {
		if (uriVariables.length > 0) {
			return this.delegate.expand(uriTemplate, uriVariables);
		}
		URI uri = this.expanded.get(uriTemplate);
		if (uri == null) {
			uri = this.delegate.expand(uriTemplate);
			if (this.expanded.size() < MAX_REMEMBERED) {
				this.expanded.putIfAbsent(uriTemplate, uri);
			}
		}
		return uri;
	}

	@Override
	public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
		return uriVariables.isEmpty() ? expand(uriTemplate) : this.delegate.expand(uriTemplate, uriVariables);
	}

	@Override
	public UriBuilder uriString(String uriTemplate) {
		return this.delegate.uriString(uriTemplate);
	}

	@Override
	public UriBuilder builder() {
		return this.delegate.builder();
	}

	int remembered() {
		return this.expanded.size();
	}

}
