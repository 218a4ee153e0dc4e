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

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} of the DeepSeek client after the starter
 * configured it (base URL, authentication, connector), for example to add a filter. Beans
 * of this type are applied in order.
 * <p>
 * The base URL is set as the builder's {@code uriBuilderFactory}, which WebClient prefers
 * to {@code baseUrl}: a customizer that points the client elsewhere sets a
 * {@code uriBuilderFactory} of its own.
 */
@FunctionalInterface
public interface DeepSeekClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder of the client's web client
	 */
	void customize(WebClient.Builder builder);

}
