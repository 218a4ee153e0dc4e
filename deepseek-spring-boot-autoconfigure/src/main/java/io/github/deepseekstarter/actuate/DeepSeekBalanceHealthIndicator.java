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
package io.github.deepseekstarter.actuate;

import java.time.Duration;

import io.github.deepseekstarter.client.DeepSeekTemplate;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the DeepSeek account: {@code DOWN} when the API key is refused (401) or the
 * balance is used up (402, or {@code is_available: false}), checked through the balance
 * endpoint, which costs no tokens, at most once per time to live.
 */
public final class DeepSeekBalanceHealthIndicator extends AbstractReactiveHealthIndicator {

	private final BalanceCheck balance;

	/**
	 * Creates the indicator.
	 * @param template the template whose account is checked
	 * @param cacheTimeToLive how long a balance answer is reused
	 * @param timeout how long the balance endpoint may take
	 */
	public DeepSeekBalanceHealthIndicator(DeepSeekTemplate template, Duration cacheTimeToLive, Duration timeout) {
		super("DeepSeek balance check failed");
		this.balance = new BalanceCheck(template, cacheTimeToLive, timeout);
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.balance.result()
			.map((result) -> builder.status(result.status()).withDetail("balance", result.description()).build());
	}

}
