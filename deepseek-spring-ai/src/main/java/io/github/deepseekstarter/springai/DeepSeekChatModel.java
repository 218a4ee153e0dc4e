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

package io.github.deepseekstarter.springai;

import io.github.deepseekstarter.client.DeepSeekCallOptions;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Spring AI's {@link ChatModel} on {@link DeepSeekTemplate}: each call or stream is one
 * model turn sent through the template, so it waits in its model's lane, carries the
 * tenant's {@code user_id} and holds its permit until the answer's last byte. Spring AI's
 * {@code ChatClient} runs the tool loop around it (its tool-calling advisor), so each
 * turn takes its own permit and none is held while a tool runs.
 * <p>
 * The reasoning of a thinking-mode answer is kept in the assistant message's metadata
 * under {@link #REASONING_CONTENT} and sent back with the turn's tool calls, as DeepSeek
 * requires. A streamed turn passes each fragment of reasoning on under
 * {@link #REASONING_CONTENT_DELTA}, and its last response carries the whole reasoning,
 * the joined tool calls, the finish reason and the usage.
 * <p>
 * Turns are sent in the OpenAI format whatever {@code deepseek.protocol} says, since
 * thinking, reasoning effort and JSON output exist only there.
 */
public class DeepSeekChatModel implements ChatModel {

	/** Assistant message metadata: the whole {@code reasoning_content} of a turn. */
	public static final String REASONING_CONTENT = "reasoningContent";

	/** Assistant message metadata of a streamed response: a fragment of reasoning. */
	public static final String REASONING_CONTENT_DELTA = "reasoningContentDelta";

	private final DeepSeekTemplate template;

	private final DeepSeekChatOptions defaultOptions;

	private final @Nullable UserIdResolution userIds;

	/**
	 * A model on the template with the given default options.
	 * @param template the template every turn goes through
	 * @param defaultOptions the options of turns that set none
	 * @param userIds the template's user-id resolution, to capture a blocking caller's
	 * identity on its thread; {@code null} when the template resolves none
	 */
	public DeepSeekChatModel(DeepSeekTemplate template, DeepSeekChatOptions defaultOptions,
			@Nullable UserIdResolution userIds) {
		this.template = template;
		this.defaultOptions = defaultOptions;
		this.userIds = userIds;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		DeepSeekChatOptions options = options(prompt);
		ChatCompletionRequest request = PromptMapping.toRequest(prompt, options);
		Mono<ChatCompletion> call = this.template.chat(request, callOptions(options));
		if (this.userIds != null) {
			// ChatModel#call blocks its caller, whose identity may be bound to its
			// thread.
			call = call.contextWrite(this.userIds.captureCaller());
		}
		ChatCompletion completion = call.block();
		if (completion == null) {
			throw new IllegalStateException("DeepSeek returned no answer");
		}
		return ResponseMapping.toResponse(completion);
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.defer(() -> {
			DeepSeekChatOptions options = options(prompt);
			ChatCompletionRequest request = PromptMapping.toRequest(prompt, options)
				.toBuilder()
				.streamOptions(ChatCompletionRequest.StreamOptions.INCLUDE_USAGE)
				.build();
			StreamTurn turn = new StreamTurn();
			return this.template.chatStream(request, callOptions(options))
				.mapNotNull(turn::accept)
				.concatWith(Mono.fromSupplier(turn::last));
		});
	}

	@Override
	public ChatOptions getOptions() {
		return this.defaultOptions.mutate().build();
	}

	private DeepSeekChatOptions options(Prompt prompt) {
		ChatOptions options = prompt.getOptions();
		if (options instanceof DeepSeekChatOptions deepSeek) {
			// ChatClient starts from getOptions(), so these already hold the defaults.
			return deepSeek;
		}
		if (options == null) {
			return this.defaultOptions;
		}
		return this.defaultOptions.mutate().combineWith(options.mutate()).build();
	}

	private static DeepSeekCallOptions callOptions(DeepSeekChatOptions options) {
		DeepSeekCallOptions call = Boolean.TRUE.equals(options.getBackground()) ? DeepSeekCallOptions.BACKGROUND
				: DeepSeekCallOptions.DEFAULT;
		return Boolean.TRUE.equals(options.getAllowOverflow()) ? call.allowingOverflow() : call;
	}

	@Override
	public String toString() {
		return "DeepSeekChatModel[" + this.template + ", " + this.defaultOptions + "]";
	}

}
