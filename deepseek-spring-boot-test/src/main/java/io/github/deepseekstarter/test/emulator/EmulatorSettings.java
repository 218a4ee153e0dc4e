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

package io.github.deepseekstarter.test.emulator;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The emulator's knobs that tests may change while it runs; each read sees the latest
 * write.
 */
final class EmulatorSettings {

	volatile List<String> apiKeys = List.of(DeepSeekEmulator.DEFAULT_API_KEY);

	volatile Duration keepAliveInterval = Duration.ofSeconds(5);

	volatile Duration preInferenceTimeout = Duration.ofMinutes(10);

	volatile Duration timeToFirstToken = Duration.ZERO;

	volatile Duration tokenInterval = Duration.ZERO;

	volatile int userIdLimit;

	volatile BalanceState balance = BalanceState.AVAILABLE;

	volatile @Nullable Reply defaultReply;

	volatile boolean anthropicQuirks = true;

	volatile boolean splitWrites;

	static Duration requirePositive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + duration);
		}
		return duration;
	}

	static Duration requireNotNegative(Duration duration, String name) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative, was " + duration);
		}
		return duration;
	}

}
