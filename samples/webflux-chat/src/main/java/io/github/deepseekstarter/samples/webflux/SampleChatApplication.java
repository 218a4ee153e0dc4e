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

import java.util.Map;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.util.StringUtils;

/**
 * A WebFlux application with a chat endpoint and a streaming chat endpoint. Without a
 * {@code DEEPSEEK_API_KEY} environment variable it starts the DeepSeek emulator
 * in-process and points the client at it, so it runs with no account.
 */
@SpringBootApplication
public class SampleChatApplication {

	private static final Log logger = LogFactory.getLog(SampleChatApplication.class);

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SampleChatApplication.class);
		if (!StringUtils.hasText(System.getenv("DEEPSEEK_API_KEY"))) {
			DeepSeekEmulator emulator = DeepSeekEmulator.builder().build().start();
			logger.info("DEEPSEEK_API_KEY is not set: calling the in-process DeepSeek emulator at " + emulator.baseUrl()
					+ " instead of DeepSeek");
			application.setDefaultProperties(
					Map.of("deepseek.base-url", emulator.baseUrl(), "deepseek.api-key", emulator.apiKey()));
			application.addListeners((ContextClosedEvent event) -> emulator.close());
		}
		application.run(args);
	}

}
