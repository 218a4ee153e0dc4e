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

import java.util.List;

import io.github.deepseekstarter.DeepSeekModels;
import io.github.deepseekstarter.identity.AnonymousUserIdStrategy;
import io.github.deepseekstarter.identity.UserIdPolicy;
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.observability.DeepSeekObserver;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import io.github.deepseekstarter.retry.RetrySettings;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds a {@link DeepSeekTemplate} from a {@link WebClient} whose base URL and
 * authentication are set (see {@link DeepSeekConnector}).
 */
public final class DeepSeekTemplateBuilder {

	/**
	 * The model of requests that name none.
	 */
	public static final String DEFAULT_MODEL = DeepSeekModels.FLASH;

	/**
	 * The wire format of protocol-neutral calls.
	 */
	public static final DeepSeekProtocol DEFAULT_PROTOCOL = DeepSeekProtocol.OPENAI;

	private final WebClient webClient;

	private DeepSeekTimeouts timeouts = DeepSeekTimeouts.DEFAULTS;

	private DeepSeekResponseLimits responseLimits = DeepSeekResponseLimits.DEFAULTS;

	private String defaultModel = DEFAULT_MODEL;

	private DeepSeekLimiter limiter = new DeepSeekLimiter(LimiterConfig.builder().build());

	private DeepSeekObserver observer = DeepSeekObserver.NONE;

	private DeepSeekRetryPolicy retry = new DeepSeekRetryPolicy(RetrySettings.DEFAULTS);

	private DeepSeekProtocol protocol = DEFAULT_PROTOCOL;

	private UserIdResolution userIds = new UserIdResolution(UserIdPolicy.raw(), List.of(),
			AnonymousUserIdStrategy.none());

	DeepSeekTemplateBuilder(WebClient webClient) {
		this.webClient = webClient;
	}

	/**
	 * Sets the timeouts; the connect and idle timeouts belong to the connector, this
	 * template enforces the pre-inference one.
	 * @param timeouts the timeouts
	 * @return this builder
	 */
	public DeepSeekTemplateBuilder timeouts(DeepSeekTimeouts timeouts) {
		this.timeouts = timeouts;
		return this;
	}

	/**
	 * Sets how much of one answer the client holds in memory at most.
	 * @param responseLimits the limits; by default 4 MiB per event and 16 MiB per body
	 * @return this builder
	 */
	public DeepSeekTemplateBuilder responseLimits(DeepSeekResponseLimits responseLimits) {
		Assert.notNull(responseLimits, "responseLimits must not be null");
		this.responseLimits = responseLimits;
		return this;
	}

	/**
	 * Sets the model of requests that name none.
	 * @param defaultModel the model
	 * @return this builder
	 */
	public DeepSeekTemplateBuilder defaultModel(String defaultModel) {
		Assert.hasText(defaultModel, "defaultModel must not be empty");
		this.defaultModel = defaultModel;
		return this;
	}

	/**
	 * Sets how each call gets its {@code user_id}. Without it, only ids set explicitly on
	 * a request are sent, after checking them as DeepSeek does.
	 * @param userIds the resolution
	 * @return this builder
	 */
	public DeepSeekTemplateBuilder userIds(UserIdResolution userIds) {
		this.userIds = userIds;
		return this;
	}

	/**
	 * Sets the limiter holding the account's lanes; by default the published limits of
	 * DeepSeek's models.
	 * @param limiter the limiter
	 * @return this builder
	 */
	public DeepSeekTemplateBuilder limiter(DeepSeekLimiter limiter) {
		this.limiter = limiter;
		return this;
	}

	/**
	 * Sets the observer of every call, for metrics and tracing.
	 * @param observer the observer
	 * @return this builder
	 */
	public DeepSeekTemplateBuilder observer(DeepSeekObserver observer) {
		this.observer = observer;
		return this;
	}

	/**
	 * Sets how transient errors are retried.
	 * @param retry the retry policy
	 * @return this builder
	 */
	public DeepSeekTemplateBuilder retry(DeepSeekRetryPolicy retry) {
		this.retry = retry;
		return this;
	}

	/**
	 * Sets the wire format of protocol-neutral calls; the format's own calls keep theirs.
	 * @param protocol the protocol, OpenAI's by default
	 * @return this builder
	 */
	public DeepSeekTemplateBuilder protocol(DeepSeekProtocol protocol) {
		Assert.notNull(protocol, "protocol must not be null");
		this.protocol = protocol;
		return this;
	}

	/**
	 * Builds the template.
	 * @return the template
	 */
	public DeepSeekTemplate build() {
		DeepSeekExchange exchange = new DeepSeekExchange(this.webClient, this.timeouts, this.responseLimits);
		return new DeepSeekTemplate(exchange,
				new CallPipeline(exchange, this.defaultModel, this.userIds, this.retry, this.limiter, this.observer),
				this.protocol);
	}

}
