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

import io.github.deepseekstarter.InvalidSettingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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
			.withMessageContaining("modelLimits[deepseek-flash]");
	}

	@Test
	void rejectsInvalidValuesNamingTheirSetting() {
		assertInvalid(LimiterConfig.builder().modelLimit("x", 0), "modelLimits[x]");
		assertInvalid(LimiterConfig.builder().defaultLimit(0), "defaultLimit");
		assertInvalid(LimiterConfig.builder().perUser(-1), "perUser");
		assertInvalid(LimiterConfig.builder().perUser(LimiterConfig.PRO, -1), "perUserByModel[deepseek-v4-pro]");
		assertInvalid(LimiterConfig.builder().maxQueueSize(-1), "maxQueueSize");
		assertInvalid(LimiterConfig.builder().maxWait(Duration.ofSeconds(-1)), "maxWait");
		assertInvalid(LimiterConfig.builder().backgroundShare(0), "backgroundShare");
		assertInvalid(LimiterConfig.builder().backgroundShare(1.5), "backgroundShare");
		assertInvalid(LimiterConfig.builder().decreaseFactor(1), "decreaseFactor");
		assertInvalid(LimiterConfig.builder().successesPerIncrease(0), "successesPerIncrease");
		assertInvalid(LimiterConfig.builder().maxIdleTenants(0), "maxIdleTenants");
		assertInvalid(LimiterConfig.builder().alias("a", "missing"), "aliases[a]");
		assertInvalid(LimiterConfig.builder().overflow(LimiterConfig.FLASH, "missing"), "overflow[deepseek-v4-flash]");
	}

	@Test
	void namesNoPropertyInItsMessages() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> LimiterConfig.builder().defaultLimit(0).build())
			.withMessage("defaultLimit must be greater than 0 but was 0")
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("defaultLimit"));
	}

	@Test
	void foldsAliasesIntoLanesOnce() {
		LimiterConfig config = LimiterConfig.builder().build();
		assertThat(config.lanesByModel()).containsEntry(LimiterConfig.PRO, LimiterConfig.PRO)
			.containsEntry(LimiterConfig.FLASH, LimiterConfig.FLASH)
			.containsEntry("deepseek-chat", LimiterConfig.FLASH)
			.doesNotContainKey(LimiterConfig.DEFAULT_LANE);
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

	private static void assertInvalid(LimiterConfigBuilder builder, String setting) {
		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(builder::build)
			.withMessageStartingWith(setting + " ")
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo(setting));
	}

}
