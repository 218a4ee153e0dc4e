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

package io.github.deepseekstarter.test.junit;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registered on an instance field, the extension gives each test its own emulator.
 */
class DeepSeekEmulatorExtensionPerTestTests {

	@RegisterExtension
	DeepSeekEmulatorExtension deepseek = new DeepSeekEmulatorExtension();

	@Test
	void startsAFreshEmulatorForTheTest(DeepSeekEmulator emulator) throws Exception {
		assertThat(emulator.apiKey()).isEqualTo(DeepSeekEmulator.DEFAULT_API_KEY);
		assertThat(DeepSeekEmulatorExtensionTests.balanceStatus(emulator)).isEqualTo(200);
		assertThat(emulator.requests()).hasSize(1);
	}

}
