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

package io.github.deepseekstarter.limit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests the defaults and the validation of {@link LimiterConfig}.
 */
class LimiterConfigTests {

	@Test
	void defaultsFollowDeepSeeksPublishedLimits() {
		LimiterConfig config = LimiterConfig.builder().build();
		assertThat(config.modelLimits()).containsEntry(LimiterConfig.PRO, 500).containsEntry(LimiterConfig.FLASH, 2500);
		assertThat(config.lane("deepseek-flash")).isEqualTo(LimiterConfig.FLASH);
		assertThat(config.lane("deepseek-chat")).isEqualTo(LimiterConfig.FLASH);
		assertThat(config.lane("deepseek-reasoner")).isEqualTo(LimiterConfig.FLASH);
		assertThat(config.lane("other")).isEqualTo(LimiterConfig.DEFAULT_LANE);
		assertThat(config.overflow()).containsEntry(LimiterConfig.PRO, LimiterConfig.FLASH);
		assertThat(config.perUser(LimiterConfig.PRO)).isZero();
	}

	@Test
	void limitOfAnAliasSetsItsLane() {
		LimiterConfig config = LimiterConfig.builder()
			.modelLimit("deepseek-flash", 40)
			.modelLimit(LimiterConfig.FLASH, 40)
			.build();
		assertThat(config.modelLimits()).containsEntry(LimiterConfig.FLASH, 40).doesNotContainKey("deepseek-flash");
	}

	@Test
	void rejectsConflictingLimitsOfOneLane() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LimiterConfig.builder().modelLimit("deepseek-flash", 40).build())
			.withMessageContaining("deepseek.limits.models.");
	}

	@Test
	void rejectsInvalidValuesNamingTheirProperty() {
		assertInvalid(LimiterConfig.builder().modelLimit("x", 0), "deepseek.limits.models.x");
		assertInvalid(LimiterConfig.builder().defaultLimit(0), "deepseek.limits.default-limit");
		assertInvalid(LimiterConfig.builder().perUser(-1), "deepseek.limits.per-user");
		assertInvalid(LimiterConfig.builder().perUser(LimiterConfig.PRO, -1),
				"deepseek.limits.per-user-by-model.deepseek-v4-pro");
		assertInvalid(LimiterConfig.builder().maxQueueSize(-1), "deepseek.queue.max-size");
		assertInvalid(LimiterConfig.builder().maxWait(Duration.ofSeconds(-1)), "deepseek.queue.max-wait");
		assertInvalid(LimiterConfig.builder().backgroundShare(0), "deepseek.limits.background-share");
		assertInvalid(LimiterConfig.builder().backgroundShare(1.5), "deepseek.limits.background-share");
		assertInvalid(LimiterConfig.builder().decreaseFactor(1), "deepseek.limits.adaptive.decrease-factor");
		assertInvalid(LimiterConfig.builder().successesPerIncrease(0),
				"deepseek.limits.adaptive.successes-per-increase");
		assertInvalid(LimiterConfig.builder().maxIdleTenants(0), "deepseek.limits.max-idle-tenants");
		assertInvalid(LimiterConfig.builder().alias("a", "missing"), "deepseek.limits.aliases.a");
		assertInvalid(LimiterConfig.builder().overflow(LimiterConfig.FLASH, "missing"),
				"deepseek.limits.overflow.deepseek-v4-flash");
	}

	@Test
	void acceptsBoundaryValues() {
		LimiterConfig config = LimiterConfig.builder()
			.maxQueueSize(0)
			.maxWait(Duration.ZERO)
			.backgroundShare(1)
			.perUser(0)
			.build();
		assertThat(config.maxQueueSize()).isZero();
		assertThat(config.backgroundShare()).isEqualTo(1);
	}

	private static void assertInvalid(LimiterConfig.Builder builder, String property) {
		assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageStartingWith(property);
	}

}
