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

package io.github.deepseekstarter.samples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A WebFlux application with a chat endpoint and a streaming chat endpoint. Without a
 * {@code DEEPSEEK_API_KEY} environment variable it runs against the DeepSeek emulator,
 * started in-process by {@code EmulatorFallback}, so it needs no account.
 */
@SpringBootApplication
public class SampleChatApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleChatApplication.class, args);
	}

}
