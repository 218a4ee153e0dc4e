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
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;

/**
 * Spring's {@link DefaultUriBuilderFactory} on DeepSeek's base URL, remembering what a
 * template without variables expands to: the client posts to the same few paths on every
 * call, and expanding one against the base URL (parse, encode, build a {@link URI}) was a
 * few percent of a small call's CPU. A builder of a remembered path that is changed, or
 * built with variables, is a real builder from then on.
 */
final class BaseUrlUriBuilderFactory implements UriBuilderFactory {

	/**
	 * More paths than the client uses, so that no caller's templates grow it unbounded.
	 */
	static final int MAX_REMEMBERED = 64;

	private final DefaultUriBuilderFactory delegate;

	private final Map<String, Expanded> expanded = new ConcurrentHashMap<>();

	BaseUrlUriBuilderFactory(URI baseUrl) {
		this.delegate = new DefaultUriBuilderFactory(baseUrl.toString());
	}

	@Override
	public URI expand(String uriTemplate, Object... uriVariables) {
		return (uriVariables.length > 0) ? this.delegate.expand(uriTemplate, uriVariables)
				: expanded(uriTemplate).uri();
	}

	@Override
	public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
		return uriVariables.isEmpty() ? expanded(uriTemplate).uri() : this.delegate.expand(uriTemplate, uriVariables);
	}

	@Override
	public UriBuilder uriString(String uriTemplate) {
		return (uriTemplate.indexOf('{') >= 0) ? this.delegate.uriString(uriTemplate)
				: new RememberedPath(uriTemplate, expanded(uriTemplate));
	}

	@Override
	public UriBuilder builder() {
		return this.delegate.builder();
	}

	int remembered() {
		return this.expanded.size();
	}

	private Expanded expanded(String uriTemplate) {
		Expanded known = this.expanded.get(uriTemplate);
		if (known != null) {
			return known;
		}
		UriBuilder builder = this.delegate.uriString(uriTemplate);
		Expanded made = new Expanded(builder.toUriString(), builder.build());
		if (this.expanded.size() < MAX_REMEMBERED) {
			this.expanded.putIfAbsent(uriTemplate, made);
		}
		return made;
	}

	/**
	 * A template's string (what WebClient records as the request's URI template) and what
	 * it expands to without variables.
	 */
	private record Expanded(String template, URI uri) {
	}

	/**
	 * The builder of a remembered template: its string and its expansion without
	 * variables come from memory, anything else from a real builder made at the first
	 * change.
	 */
	private final class RememberedPath implements UriBuilder {

		private final String uriTemplate;

		private final Expanded expanded;

		private @Nullable UriBuilder changed;

		RememberedPath(String uriTemplate, Expanded expanded) {
			this.uriTemplate = uriTemplate;
			this.expanded = expanded;
		}

		private UriBuilder changed() {
			UriBuilder changed = this.changed;
			if (changed == null) {
				changed = BaseUrlUriBuilderFactory.this.delegate.uriString(this.uriTemplate);
				this.changed = changed;
			}
			return changed;
		}

		@Override
		public URI build(Object... uriVariables) {
			return (this.changed == null && uriVariables.length == 0) ? this.expanded.uri()
					: changed().build(uriVariables);
		}

		@Override
		public URI build(Map<String, ? extends @Nullable Object> uriVariables) {
			return (this.changed == null && uriVariables.isEmpty()) ? this.expanded.uri()
					: changed().build(uriVariables);
		}

		@Override
		public String toUriString() {
			return (this.changed == null) ? this.expanded.template() : changed().toUriString();
		}

		@Override
		public UriBuilder scheme(@Nullable String scheme) {
			changed().scheme(scheme);
			return this;
		}

		@Override
		public UriBuilder userInfo(@Nullable String userInfo) {
			changed().userInfo(userInfo);
			return this;
		}

		@Override
		public UriBuilder host(@Nullable String host) {
			changed().host(host);
			return this;
		}

		@Override
		public UriBuilder port(int port) {
			changed().port(port);
			return this;
		}

		@Override
		public UriBuilder port(@Nullable String port) {
			changed().port(port);
			return this;
		}

		@Override
		public UriBuilder path(String path) {
			changed().path(path);
			return this;
		}

		@Override
		public UriBuilder replacePath(@Nullable String path) {
			changed().replacePath(path);
			return this;
		}

		@Override
		public UriBuilder pathSegment(String... pathSegments) {
			changed().pathSegment(pathSegments);
			return this;
		}

		@Override
		public UriBuilder query(String query) {
			changed().query(query);
			return this;
		}

		@Override
		public UriBuilder replaceQuery(@Nullable String query) {
			changed().replaceQuery(query);
			return this;
		}

		@Override
		public UriBuilder queryParam(String name, @Nullable Object... values) {
			changed().queryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder queryParam(String name, @Nullable Collection<?> values) {
			changed().queryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder queryParamIfPresent(String name, Optional<?> value) {
			changed().queryParamIfPresent(name, value);
			return this;
		}

		@Override
		public UriBuilder queryParams(MultiValueMap<String, String> params) {
			changed().queryParams(params);
			return this;
		}

		@Override
		public UriBuilder replaceQueryParam(String name, @Nullable Object... values) {
			changed().replaceQueryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder replaceQueryParam(String name, @Nullable Collection<?> values) {
			changed().replaceQueryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder replaceQueryParams(MultiValueMap<String, String> params) {
			changed().replaceQueryParams(params);
			return this;
		}

		@Override
		public UriBuilder fragment(@Nullable String fragment) {
			changed().fragment(fragment);
			return this;
		}

	}

}
