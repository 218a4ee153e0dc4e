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

package io.github.deepseekstarter.client;

import java.util.Optional;
import java.util.OptionalInt;

import io.github.deepseekstarter.DeepSeekStreamInterruptedException;
import io.github.deepseekstarter.DeepSeekTransportException;
import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.DeepSeekRateLimitException;
import io.github.deepseekstarter.identity.UserIdResolution;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.Permit;
import io.github.deepseekstarter.observability.CallInfo;
import io.github.deepseekstarter.observability.CallObserver;
import io.github.deepseekstarter.observability.DeepSeekObserver;
import io.github.deepseekstarter.observability.TokenUsage;
import io.github.deepseekstarter.protocol.DeepSeekJson;
import io.github.deepseekstarter.retry.DeepSeekRetryPolicy;
import io.github.deepseekstarter.protocol.ResponseProgress;
import io.github.deepseekstarter.protocol.ServerSentEvent;
import io.github.deepseekstarter.protocol.openai.Balance;
import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.protocol.openai.ModelList;
import io.github.deepseekstarter.protocol.openai.Usage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The entry point for calling DeepSeek: chat completions, streamed or not, the model list
 * and the account balance. Calls are reactive; {@link #blocking()} offers the same for
 * servlet applications. Every call resolves the tenant's {@code user_id} and keeps the
 * keep-alives DeepSeek sends while a request is queued out of the data.
 */
public class DeepSeekTemplate {

	private static final String CHAT_PATH = "/chat/completions";

	private final DeepSeekExchange exchange;

	private final String defaultModel;

	private final UserIdResolution userIds;

	private final DeepSeekRetryPolicy retry;

	private final DeepSeekLimiter limiter;

	private final DeepSeekObserver observer;

	private final JsonMapper mapper = DeepSeekJson.mapper();

	private final BlockingDeepSeekTemplate blocking = new BlockingDeepSeekTemplate(this);

	DeepSeekTemplate(DeepSeekExchange exchange, String defaultModel, UserIdResolution userIds,
			DeepSeekRetryPolicy retry, DeepSeekLimiter limiter, DeepSeekObserver observer) {
		this.exchange = exchange;
		this.defaultModel = defaultModel;
		this.userIds = userIds;
		this.retry = retry;
		this.limiter = limiter;
		this.observer = observer;
		DeepSeekJson.warmUp(ChatCompletion.class, ChatCompletionChunk.class, ChatCompletionRequest.class,
				ModelList.class, Balance.class, ObjectNode.class);
	}

	/**
	 * A builder for a template outside of Spring Boot's auto-configuration.
	 * @param webClient the web client, with base URL and authentication set
	 * @return the builder
	 */
	public static DeepSeekTemplateBuilder builder(WebClient webClient) {
		return new DeepSeekTemplateBuilder(webClient);
	}

	/**
	 * Sends a chat completion request and waits for the whole answer.
	 * @param request the request; a {@code null} model means the configured default
	 * @return the completion, with the keep-alives and the wait seen before it
	 */
	public Mono<ChatCompletion> chat(ChatCompletionRequest request) {
		return chat(request, DeepSeekCallOptions.DEFAULT);
	}

	/**
	 * Sends a chat completion request with call options and waits for the whole answer.
	 * The call waits for a permit of its model's lane (without blocking a thread), holds
	 * it until the answer's last byte, and is retried on transient errors without holding
	 * a permit while it waits.
	 * @param request the request; a {@code null} model means the configured default
	 * @param options priority and overflow routing
	 * @return the completion, with the keep-alives and the wait seen before it
	 */
	public Mono<ChatCompletion> chat(ChatCompletionRequest request, DeepSeekCallOptions options) {
		return resolveUserId(request).flatMap((userId) -> Mono.deferContextual((context) -> {
			CallObserver call = this.observer.start(callInfo(request, userId.orElse(null), false), context);
			Admission admission = admission(request, userId.orElse(null), options);
			return observe(call, this.retry.apply(this.limiter.withPermitMono(admission, (permit) -> report(permit,
					complete(body(request, permit.model(), userId.orElse(null), false), call)))));
		}));
	}

	private Mono<ChatCompletion> complete(byte[] body, CallObserver call) {
		ResponseProgress progress = new ResponseProgress();
		return this.exchange.postForJson(CHAT_PATH, body, progress)
			.map((json) -> read(json, ChatCompletion.class).withMetadata(progress.metadata()))
			.doOnNext((completion) -> {
				call.onResponse(200);
				call.onFirstByte(completion.metadata());
				if (completion.usage() != null) {
					call.onUsage(tokenUsage(completion.usage()));
				}
			})
			.doOnError(DeepSeekApiException.class, (ex) -> call.onResponse(ex.status()));
	}

	/**
	 * Sends a chat completion request and streams the answer chunk by chunk. Keep-alive
	 * comments and the {@code [DONE]} marker are consumed here; a stream cut after its
	 * first chunk fails with {@link DeepSeekStreamInterruptedException}, which keeps the
	 * partial output.
	 * @param request the request; a {@code null} model means the configured default
	 * @return the chunks
	 */
	public Flux<ChatCompletionChunk> chatStream(ChatCompletionRequest request) {
		return chatStream(request, DeepSeekCallOptions.DEFAULT);
	}

	/**
	 * Streams a chat completion with call options. The permit of the model's lane is held
	 * until the stream's last event, or until the subscriber cancels; a stream is retried
	 * only before its first chunk.
	 * @param request the request; a {@code null} model means the configured default
	 * @param options priority and overflow routing
	 * @return the chunks
	 */
	public Flux<ChatCompletionChunk> chatStream(ChatCompletionRequest request, DeepSeekCallOptions options) {
		return resolveUserId(request).flatMapMany((userId) -> Flux.deferContextual((context) -> {
			CallObserver call = this.observer.start(callInfo(request, userId.orElse(null), true), context);
			Admission admission = admission(request, userId.orElse(null), options);
			return observe(call, this.retry.apply(this.limiter.withPermit(admission, (permit) -> report(permit,
					stream(body(request, permit.model(), userId.orElse(null), true), call)))));
		}));
	}

	private Flux<ChatCompletionChunk> stream(byte[] body, CallObserver call) {
		ResponseProgress progress = new ResponseProgress();
		OpenAiStreamState state = new OpenAiStreamState();
		return this.exchange.postForEvents(CHAT_PATH, body, progress).<ChatCompletionChunk>handle((event, sink) -> {
			if (event.isDone()) {
				state.done();
				return;
			}
			if (!state.isDone()) {
				ChatCompletionChunk chunk = readChunk(event).withMetadata(progress.metadata());
				observeChunk(call, state, chunk);
				state.accept(chunk);
				sink.next(chunk);
			}
		})
			.concatWith(Mono.defer(() -> state.isDone() ? Mono.empty() : Mono.error(state.interrupted(null))))
			.onErrorMap((ex) -> state.hasOutput() && !state.isDone() && !isInterruption(ex), state::interrupted)
			.doOnError(DeepSeekApiException.class, (ex) -> call.onResponse(ex.status()));
	}

	private static void observeChunk(CallObserver call, OpenAiStreamState state, ChatCompletionChunk chunk) {
		if (!state.hasOutput()) {
			call.onResponse(200);
			call.onFirstByte(chunk.metadata());
		}
		if (!state.hasToken() && (hasText(chunk.content()) || hasText(chunk.reasoningContent()))) {
			call.onFirstToken();
		}
		if (chunk.usage() != null) {
			call.onUsage(tokenUsage(chunk.usage()));
		}
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isEmpty();
	}

	private static TokenUsage tokenUsage(Usage usage) {
		return new TokenUsage(usage.promptTokens(), usage.completionTokens(),
				(usage.promptCacheHitTokens() != null) ? usage.promptCacheHitTokens() : 0,
				(usage.promptCacheMissTokens() != null) ? usage.promptCacheMissTokens() : 0, usage.reasoningTokens());
	}

	private CallInfo callInfo(ChatCompletionRequest request, @Nullable String userId, boolean stream) {
		return new CallInfo("chat", "openai", model(request), stream, userId);
	}

	private static <T> Mono<T> observe(CallObserver call, Mono<T> mono) {
		return mono.doOnSuccess((result) -> call.onEnd(null, false))
			.doOnError((ex) -> call.onEnd(ex, false))
			.doOnCancel(() -> call.onEnd(null, true));
	}

	private static <T> Flux<T> observe(CallObserver call, Flux<T> flux) {
		return flux.doOnComplete(() -> call.onEnd(null, false))
			.doOnError((ex) -> call.onEnd(ex, false))
			.doOnCancel(() -> call.onEnd(null, true));
	}

	private Admission admission(ChatCompletionRequest request, @Nullable String userId, DeepSeekCallOptions options) {
		Admission admission = Admission.of(model(request), userId).withPriority(options.priority());
		return options.allowOverflow() ? admission.allowingOverflow() : admission;
	}

	private static <T> Mono<T> report(Permit permit, Mono<T> call) {
		return call.doOnSuccess((result) -> permit.onSuccess()).doOnError((ex) -> reportError(permit, ex));
	}

	private static <T> Flux<T> report(Permit permit, Flux<T> call) {
		return call.doOnComplete(permit::onSuccess).doOnError((ex) -> reportError(permit, ex));
	}

	private static void reportError(Permit permit, Throwable ex) {
		// A 429 teaches the lane the account's real limit, named in the message when
		// DeepSeek knows it.
		if (ex instanceof DeepSeekRateLimitException rateLimit) {
			Integer limit = rateLimit.concurrencyLimit();
			permit.onServerLimit((limit != null) ? OptionalInt.of(limit) : OptionalInt.empty());
		}
	}

	/**
	 * Lists the models the account can use.
	 * @return the models
	 */
	public Mono<ModelList> models() {
		return this.exchange.get("/models").map((json) -> read(json, ModelList.class));
	}

	/**
	 * Reads the account balance; this costs no tokens.
	 * @return the balance
	 */
	public Mono<Balance> balance() {
		return this.exchange.get("/user/balance").map((json) -> read(json, Balance.class));
	}

	/**
	 * The same calls for code that may block, such as servlet applications.
	 * @return the blocking facade
	 */
	public BlockingDeepSeekTemplate blocking() {
		return this.blocking;
	}

	/**
	 * The limiter that holds the account's lanes, for reading their state or changing a
	 * limit at runtime.
	 * @return the limiter
	 */
	public DeepSeekLimiter limiter() {
		return this.limiter;
	}

	/**
	 * The model used by requests that name none.
	 * @return the default model
	 */
	public String defaultModel() {
		return this.defaultModel;
	}

	/**
	 * The {@link UserIdResolution} that gives each call its {@code user_id}; the blocking
	 * facade captures the caller's thread-bound identity with it.
	 * @return the resolution
	 */
	UserIdResolution userIds() {
		return this.userIds;
	}

	private Mono<Optional<String>> resolveUserId(ChatCompletionRequest request) {
		return this.userIds.userId(request.userId()).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	private String model(ChatCompletionRequest request) {
		return (request.model() != null) ? request.model() : this.defaultModel;
	}

	private byte[] body(ChatCompletionRequest request, String model, @Nullable String userId, boolean stream) {
		ObjectNode body = this.mapper.valueToTree(request);
		body.put("model", model);
		request.extraBody().forEach((name, value) -> body.set(name, this.mapper.valueToTree(value)));
		// The OpenAI format carries the tenant as a top-level user_id, never as OpenAI's
		// own "user".
		body.remove("user_id");
		if (userId != null) {
			body.put("user_id", userId);
		}
		body.put("stream", stream);
		return this.mapper.writeValueAsBytes(body);
	}

	private ChatCompletionChunk readChunk(ServerSentEvent event) {
		return read(event.data(), ChatCompletionChunk.class);
	}

	private <T> T read(String json, Class<T> type) {
		try {
			return this.mapper.readValue(json, type);
		}
		catch (JacksonException ex) {
			throw new DeepSeekTransportException("DeepSeek sent a body that is not a valid " + type.getSimpleName()
					+ " (" + ex.getOriginalMessage() + ")", ex);
		}
	}

	private static boolean isInterruption(Throwable ex) {
		return ex instanceof DeepSeekStreamInterruptedException;
	}

	@Override
	public String toString() {
		return "DeepSeekTemplate[defaultModel=" + this.defaultModel + "]";
	}

}
