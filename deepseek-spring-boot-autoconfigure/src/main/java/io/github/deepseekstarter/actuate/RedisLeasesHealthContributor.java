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

import io.github.deepseekstarter.limit.redis.RedisAccountPermitsFactory;
import io.github.deepseekstarter.limit.redis.RedisPermitsState;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;

/**
 * The state of the Redis lease store in distributed mode: UP while leases come from Redis
 * or, during an outage, from this replica's local share; DOWN while the fail-closed
 * policy admits nothing.
 */
public final class RedisLeasesHealthContributor implements DeepSeekHealthDetailsContributor {

	private final RedisAccountPermitsFactory permits;

	/**
	 * Creates the contributor.
	 * @param permits the lease store
	 */
	public RedisLeasesHealthContributor(RedisAccountPermitsFactory permits) {
		this.permits = permits;
	}

	@Override
	public String name() {
		return "redis";
	}

	@Override
	public Mono<Health> health() {
		return Mono.fromSupplier(() -> {
			RedisPermitsState state = this.permits.state();
			Health.Builder builder = (state.mode() == RedisPermitsState.Mode.FAIL_CLOSED) ? Health.down() : Health.up();
			builder.withDetail("mode", state.mode().name())
				.withDetail("since", state.since().toString())
				.withDetail("namespace", this.permits.settings().namespace());
			if (state.lastError() != null) {
				builder.withDetail("lastError", state.lastError());
			}
			return builder.build();
		});
	}

}
