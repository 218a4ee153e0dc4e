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

package io.github.deepseekstarter.autoconfigure.diagnostics;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a {@link DistributedModeUnavailableException}: distributed lanes were asked
 * for, but what they need is missing.
 */
class DistributedModeUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<DistributedModeUnavailableException>
		implements Ordered {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, DistributedModeUnavailableException cause) {
		String description = "deepseek.distributed.enabled=true asks the DeepSeek lanes to share the account's "
				+ "permits between replicas through Redis, but they cannot: " + cause.getMessage();
		String action = "Add Spring Data Redis (for example the spring-boot-starter-data-redis dependency) and point "
				+ "spring.data.redis.* at the Redis server every replica shares, or set "
				+ "deepseek.distributed.enabled=false to keep the lanes per instance (then size "
				+ "deepseek.limits.models.* to each instance's share of the account's limit).";
		return new FailureAnalysis(description, action, cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
