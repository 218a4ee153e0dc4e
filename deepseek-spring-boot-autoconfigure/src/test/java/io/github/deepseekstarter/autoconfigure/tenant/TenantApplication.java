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

package io.github.deepseekstarter.autoconfigure.tenant;

import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A secured WebFlux application that asks DeepSeek on behalf of its caller.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TenantApplication.AskController.class)
class TenantApplication {

	@RestController
	static class AskController {

		private final DeepSeekTemplate deepSeek;

		AskController(DeepSeekTemplate deepSeek) {
			this.deepSeek = deepSeek;
		}

		@GetMapping("/ask")
		Mono<String> ask() {
			return this.deepSeek.chat(ChatCompletionRequest.of("hello")).map((completion) -> "ok");
		}

	}

}
