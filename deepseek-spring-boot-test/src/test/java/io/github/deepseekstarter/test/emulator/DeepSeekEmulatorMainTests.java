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
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The standalone runner reads its options from arguments.
 */
class DeepSeekEmulatorMainTests {

	@Test
	void configuresTheEmulatorFromArguments() {
		Map<String, String> options = DeepSeekEmulatorMain
			.options(new String[] { "--api-key=sk-a,sk-b", "--pro-limit=3", "--keep-alive=250ms" });

		try (DeepSeekEmulator emulator = DeepSeekEmulatorMain.builder(options).build().start()) {
			assertThat(emulator.apiKeys()).containsExactly("sk-a", "sk-b");
			assertThat(emulator.stats(Lane.PRO).limit()).isEqualTo(3);
			assertThat(emulator.baseUrl()).startsWith("http://127.0.0.1:");
		}
	}

	@Test
	void readsDurationsInShortAndIsoForms() {
		assertThat(DeepSeekEmulatorMain.duration("250ms")).isEqualTo(Duration.ofMillis(250));
		assertThat(DeepSeekEmulatorMain.duration("5s")).isEqualTo(Duration.ofSeconds(5));
		assertThat(DeepSeekEmulatorMain.duration("10m")).isEqualTo(Duration.ofMinutes(10));
		assertThat(DeepSeekEmulatorMain.duration("PT2S")).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void rejectsArgumentsThatAreNotOptions() {
		assertThatIllegalArgumentException().isThrownBy(() -> DeepSeekEmulatorMain.options(new String[] { "8080" }));
	}

}
