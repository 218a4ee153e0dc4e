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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.FinishReason;
import io.github.deepseekstarter.protocol.openai.ToolCall;
import io.github.deepseekstarter.protocol.openai.Usage;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

/**
 * LangChain4j's {@link StreamingChatModel} on {@link DeepSeekTemplate}: text and thinking
 * reach the handler as they arrive, tool calls whole with the complete response, and the
 * permit of the turn is given back before the handler hears of the completion. The
 * handler runs off the network threads, since an AI service executes its tools from it.
 * <p>
 * A turn that an AI service starts from the handler of an earlier one (the next step of
 * its tool loop) carries the identity captured when the first turn started, since it runs
 * on a thread that has none bound.
 */
public class DeepSeekLangChain4jStreamingChatModel extends LangChain4jModelSupport implements StreamingChatModel {

	private static final ThreadLocal<Function<Context, Context>> CONVERSATION_CALLER = new ThreadLocal<>();

	/**
	 * A streaming model on the template.
	 * @param template the template every turn goes through
	 * @param settings default parameters, thinking mode and identity capture
	 */
	public DeepSeekLangChain4jStreamingChatModel(DeepSeekTemplate template, DeepSeekLangChain4jSettings settings) {
		super(template, settings);
	}

	@Override
	public void doChat(ChatRequest chatRequest, StreamingChatResponseHandler handler) {
		ChatCompletionRequest request;
		try {
			request = LangChain4jMapping.toRequest(chatRequest, this.settings)
				.toBuilder()
				.streamOptions(ChatCompletionRequest.StreamOptions.INCLUDE_USAGE)
				.build();
		}
		catch (RuntimeException ex) {
			handler.onError(ex);
			return;
		}
		Function<Context, Context> caller = caller();
		Turn turn = new Turn(handler);
		this.template.chatStream(request)
			.contextWrite(caller)
			.publishOn(Schedulers.boundedElastic())
			.subscribe(turn::accept, handler::onError, () -> withCaller(caller, turn::complete));
	}

	private Function<Context, Context> caller() {
		Function<Context, Context> inherited = CONVERSATION_CALLER.get();
		if (inherited != null) {
			return inherited;
		}
		return (this.settings.userIds() != null) ? this.settings.userIds().captureCaller() : Function.identity();
	}

	private static void withCaller(Function<Context, Context> caller, Runnable action) {
		Function<Context, Context> previous = CONVERSATION_CALLER.get();
		CONVERSATION_CALLER.set(caller);
		try {
			action.run();
		}
		finally {
			if (previous != null) {
				CONVERSATION_CALLER.set(previous);
			}
			else {
				CONVERSATION_CALLER.remove();
			}
		}
	}

	/**
	 * One streamed turn: passes text and thinking on and joins the fragments of tool
	 * calls for the complete response.
	 */
	private static final class Turn {

		private final StreamingChatResponseHandler handler;

		private final StringBuilder text = new StringBuilder();

		private final StringBuilder thinking = new StringBuilder();

		private final Map<Integer, String[]> calls = new TreeMap<>();

		private @Nullable String id;

		private @Nullable String model;

		private @Nullable FinishReason finishReason;

		private @Nullable Usage usage;

		Turn(StreamingChatResponseHandler handler) {
			this.handler = handler;
		}

		void accept(ChatCompletionChunk chunk) {
			this.id = (this.id != null) ? this.id : chunk.id();
			this.model = (this.model != null) ? this.model : chunk.model();
			this.usage = (chunk.usage() != null) ? chunk.usage() : this.usage;
			if (chunk.choices().isEmpty()) {
				return;
			}
			ChatCompletionChunk.ChunkChoice choice = chunk.choices().get(0);
			this.finishReason = (choice.finishReason() != null) ? choice.finishReason() : this.finishReason;
			ChatCompletionChunk.Delta delta = choice.delta();
			if (delta.reasoningContent() != null && !delta.reasoningContent().isEmpty()) {
				this.thinking.append(delta.reasoningContent());
				this.handler.onPartialThinking(new PartialThinking(delta.reasoningContent()));
			}
			if (delta.content() != null && !delta.content().isEmpty()) {
				this.text.append(delta.content());
				this.handler.onPartialResponse(delta.content());
			}
			if (delta.toolCalls() != null) {
				for (ToolCall part : delta.toolCalls()) {
					int index = (part.index() != null) ? part.index() : this.calls.size();
					String[] call = this.calls.computeIfAbsent(index, (key) -> new String[3]);
					call[0] = (part.id() != null) ? part.id() : call[0];
					if (part.function() != null) {
						call[1] = (part.function().name() != null) ? part.function().name() : call[1];
						if (part.function().arguments() != null) {
							call[2] = ((call[2] != null) ? call[2] : "") + part.function().arguments();
						}
					}
				}
			}
		}

		void complete() {
			List<ToolExecutionRequest> requests = new ArrayList<>();
			for (String[] call : this.calls.values()) {
				requests.add(LangChain4jMapping.toolRequest(call[0], call[1], call[2]));
			}
			ChatResponse response = LangChain4jMapping.response(this.id, this.model, this.text.toString(),
					this.thinking.toString(), requests, this.finishReason, this.usage);
			try {
				this.handler.onCompleteResponse(response);
			}
			catch (RuntimeException ex) {
				this.handler.onError(ex);
			}
		}

	}

}
