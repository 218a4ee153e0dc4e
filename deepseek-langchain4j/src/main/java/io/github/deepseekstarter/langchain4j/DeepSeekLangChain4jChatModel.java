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

package io.github.deepseekstarter.langchain4j;

import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import reactor.core.publisher.Mono;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * LangChain4j's {@link ChatModel} on {@link DeepSeekTemplate}: each {@code doChat} is one
 * model turn that waits in its model's lane, carries the tenant's {@code user_id} (the
 * caller's identity is captured on its thread) and holds its permit until the answer's
 * last byte. An AI service runs its tool loop around the model, so each turn takes its
 * own permit and none is held while a tool runs. The thinking of a turn is kept on the
 * {@code AiMessage} and sent back with its tool calls, as DeepSeek requires in thinking
 * mode.
 */
public class DeepSeekLangChain4jChatModel extends LangChain4jModelSupport implements ChatModel {

	/**
	 * A model on the template.
	 * @param template the template every turn goes through
	 * @param settings default parameters, thinking mode and identity capture
	 */
	public DeepSeekLangChain4jChatModel(DeepSeekTemplate template, DeepSeekLangChain4jSettings settings) {
		super(template, settings);
	}

	@Override
	public ChatResponse doChat(ChatRequest chatRequest) {
		ChatCompletionRequest request = LangChain4jMapping.toRequest(chatRequest, this.settings);
		Mono<ChatCompletion> call = this.template.chat(request);
		if (this.settings.userIds() != null) {
			call = call.contextWrite(this.settings.userIds().captureCaller());
		}
		ChatCompletion completion = call.block();
		if (completion == null) {
			throw new IllegalStateException("DeepSeek returned no answer");
		}
		return LangChain4jMapping.toResponse(completion);
	}

}
