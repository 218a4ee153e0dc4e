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

import io.github.deepseekstarter.DeepSeekPropertyNames;
import io.github.deepseekstarter.limit.redis.RedisAccountPermitsFactory;
import io.github.deepseekstarter.limit.redis.RedisPermitsSettings;
import io.github.deepseekstarter.limit.redis.RedisPermitsState;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The state of the Redis lease store in distributed mode: UP while leases come from Redis
 * or, during an outage, from this replica's local share; DOWN while the fail-closed
 * policy admits nothing, which is only once the circuit breaker around Redis has opened
 * (one slow reply does not). The details name the breaker's state, the namespace and
 * where it comes from, with a warning when it derives from the API key.
 */
public final class RedisLeasesHealthIndicator extends AbstractReactiveHealthIndicator {

	private final RedisAccountPermitsFactory permits;

	/**
	 * Creates the indicator.
	 * @param permits the lease store
	 */
	public RedisLeasesHealthIndicator(RedisAccountPermitsFactory permits) {
		super("DeepSeek Redis leases health check failed");
		this.permits = permits;
	}

	private static String source(RedisPermitsSettings.NamespaceSource source) {
		return switch (source) {
			case NAMESPACE -> DeepSeekPropertyNames.DISTRIBUTED_NAMESPACE;
			case ACCOUNT -> DeepSeekPropertyNames.ACCOUNT;
			case API_KEY -> DeepSeekPropertyNames.API_KEY;
		};
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return Mono.fromSupplier(() -> {
			RedisPermitsState state = this.permits.state();
			builder.status((state.mode() == RedisPermitsState.Mode.FAIL_CLOSED) ? Status.DOWN : Status.UP);
			builder.withDetail("mode", state.mode().name())
				.withDetail("since", state.since().toString())
				.withDetail("circuitBreaker", state.circuitBreaker())
				.withDetail("namespace", this.permits.settings().namespace())
				.withDetail("namespaceSource", source(this.permits.settings().namespaceSource()))
				.withDetail("sharedLimits", this.permits.sharedLimits());
			if (this.permits.settings().namespaceSource() == RedisPermitsSettings.NamespaceSource.API_KEY) {
				builder.withDetail("warning",
						DeepSeekPropertyNames.ACCOUNT + " is not set: another API key of the same account "
								+ "gets another namespace, and the two do not share the account's limits");
			}
			if (state.lastError() != null) {
				builder.withDetail("lastError", state.lastError());
			}
			return builder.build();
		});
	}

}
