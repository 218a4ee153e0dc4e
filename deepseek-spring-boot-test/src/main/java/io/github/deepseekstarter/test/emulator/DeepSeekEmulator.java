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
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * An emulator of the DeepSeek API: a real HTTP server on the loopback interface that
 * speaks the OpenAI format ({@code POST /chat/completions}, also under {@code /v1},
 * {@code GET /models}, {@code GET /user/balance}) and the Anthropic format
 * ({@code POST /anthropic/v1/messages}, also {@code /anthropic/messages}, on the same
 * lanes) with DeepSeek's account behaviour: concurrency limits per model lane shared by
 * all API keys (429 above them), a FIFO server queue in front of the inference capacity
 * with keep-alives while waiting, the pre-inference close, {@code user_id} validation,
 * deterministic answers, fault injection and request recording.
 * <p>
 * Typical use: <pre class="code">
 * try (DeepSeekEmulator emulator = DeepSeekEmulator.builder().build().start()) {
 *     emulator.enqueueFault(Fault.status(503).withRetryAfter(Duration.ofSeconds(1)));
 *     // point a client at emulator.baseUrl() with emulator.apiKey()
 * }
 * </pre> The default answer to a chat is {@code "Echo: <last user text>"}, with reasoning
 * {@code "Thinking about: <last user text>"} when thinking is on (the default, except for
 * {@code deepseek-chat}); see {@link Reply} to script others. Tokens are words: usage
 * counts them, streams send one per chunk, {@code max_tokens} cuts at them.
 * <p>
 * Errors come in DeepSeek's envelope
 * {@code {"error":{"message","type","param":null,"code"}}}: 401 for a missing or unknown
 * key, 400 for invalid JSON, a missing {@code model} or {@code messages}, an invalid
 * {@code user_id} (DeepSeek's exact message), an unknown model ({@code Model Not Exist})
 * or a broken DeepSeek rule (more than 128 tools or a tool name outside
 * {@code [a-zA-Z0-9_-]{1,64}}, more than 16 stop sequences, {@code json_object} output
 * without "json" in the prompt, or in thinking mode an assistant message with tool calls
 * but no {@code reasoning_content}), 402 when the balance is
 * {@link BalanceState#INSUFFICIENT}, 429 above a concurrency limit; other statuses
 * through {@link Fault#status(int)}.
 * <p>
 * All setters may be called while the emulator runs and apply to requests that arrive (or
 * start inference) afterwards.
 */
public final class DeepSeekEmulator implements AutoCloseable {

	/**
	 * The API key the emulator accepts unless told otherwise.
	 */
	public static final String DEFAULT_API_KEY = "sk-emulator";

	private final EmulatorSettings settings;

	private final Map<Lane, LaneState> lanes;

	private final FaultPlan faults = new FaultPlan();

	private final RequestRecorder recorder;

	private final int requestedPort;

	private @Nullable DisposableServer server;

	private @Nullable LoopResources loops;

	DeepSeekEmulator(EmulatorSettings settings, Map<Lane, LaneState> lanes, int recordLimit, int port) {
		this.settings = settings;
		this.lanes = lanes;
		this.recorder = new RequestRecorder(recordLimit);
		this.requestedPort = port;
	}

	/**
	 * Return a builder with DeepSeek's defaults: key {@value #DEFAULT_API_KEY}, limits
	 * 500 (Pro) and 2500 (Flash), inference capacity equal to the limits, keep-alive
	 * every 5 seconds, pre-inference close after 10 minutes, no generation delay, an
	 * ephemeral port.
	 * @return a new builder
	 */
	public static DeepSeekEmulatorBuilder builder() {
		return new DeepSeekEmulatorBuilder();
	}

	/**
	 * Start listening on 127.0.0.1; does nothing if already started.
	 * @return this emulator
	 */
	public synchronized DeepSeekEmulator start() {
		if (this.server == null) {
			LoopResources loopResources = LoopResources.create("deepseek-emulator", 2, true);
			ChatFlow flow = new ChatFlow(this.settings, this.lanes, this.faults);
			this.server = HttpServer.create()
				.host("127.0.0.1")
				.port(this.requestedPort)
				.runOn(loopResources)
				.handle(new EmulatorHttpHandler(this.settings, this.recorder, flow))
				.bindNow(Duration.ofSeconds(10));
			this.loops = loopResources;
		}
		return this;
	}

	/**
	 * Stop listening and close every open connection (stalled streams included).
	 */
	@Override
	public synchronized void close() {
		if (this.server != null) {
			this.server.disposeNow(Duration.ofSeconds(5));
			this.server = null;
		}
		if (this.loops != null) {
			this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
			this.loops = null;
		}
	}

	/**
	 * Return whether the emulator is listening.
	 * @return {@code true} between {@link #start()} and {@link #close()}
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Return the port the emulator listens on.
	 * @return the port
	 * @throws IllegalStateException if not started
	 */
	public synchronized int port() {
		if (this.server == null) {
			throw new IllegalStateException("DeepSeek emulator is not started; call start() first");
		}
		return this.server.port();
	}

	/**
	 * Return the base URL to configure a client with, {@code http://127.0.0.1:PORT} (the
	 * OpenAI-format paths hang off it directly, the Anthropic format under
	 * {@code /anthropic}).
	 * @return the base URL
	 * @throws IllegalStateException if not started
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * Return the base URL of the Anthropic format,
	 * {@code http://127.0.0.1:PORT/anthropic} (what Anthropic SDKs take as their base
	 * URL).
	 * @return the Anthropic base URL
	 * @throws IllegalStateException if not started
	 */
	public String anthropicBaseUrl() {
		return baseUrl() + "/anthropic";
	}

	/**
	 * Return the first accepted API key.
	 * @return the API key
	 */
	public String apiKey() {
		return this.settings.apiKeys.get(0);
	}

	/**
	 * Return every accepted API key (keys of one account, sharing its limits).
	 * @return the API keys
	 */
	public List<String> apiKeys() {
		return this.settings.apiKeys;
	}

	/**
	 * Set a lane's account concurrency limit; requests over it get 429 at once.
	 * @param lane the lane
	 * @param limit the limit, zero or more
	 */
	public void setConcurrencyLimit(Lane lane, int limit) {
		this.lanes.get(lane).setLimit(limit);
	}

	/**
	 * Set how many admitted requests of a lane are generated at once; the others wait in
	 * the server queue, receiving keep-alives.
	 * @param lane the lane
	 * @param capacity the capacity, or zero to follow the concurrency limit
	 */
	public void setInferenceCapacity(Lane lane, int capacity) {
		this.lanes.get(lane).setCapacity(capacity);
	}

	/**
	 * Set the interval between keep-alives (blank lines, or {@code : keep-alive} comments
	 * on streams) sent to queued requests; the first is sent as soon as a request is
	 * queued.
	 * @param interval the interval, positive
	 */
	public void setKeepAliveInterval(Duration interval) {
		this.settings.keepAliveInterval = EmulatorSettings.requirePositive(interval, "Keep-alive interval");
	}

	/**
	 * Set how long a request may wait in the server queue before the emulator closes its
	 * connection (after the keep-alives, with no answer).
	 * @param timeout the timeout, positive
	 */
	public void setPreInferenceTimeout(Duration timeout) {
		this.settings.preInferenceTimeout = EmulatorSettings.requirePositive(timeout, "Pre-inference timeout");
	}

	/**
	 * Set the delay between the start of inference and the first body piece.
	 * @param delay the delay, zero or more
	 */
	public void setTimeToFirstToken(Duration delay) {
		this.settings.timeToFirstToken = EmulatorSettings.requireNotNegative(delay, "Time to first token");
	}

	/**
	 * Set the generation time per token (the delay between stream chunks).
	 * @param interval the interval, zero or more
	 */
	public void setTokenInterval(Duration interval) {
		this.settings.tokenInterval = EmulatorSettings.requireNotNegative(interval, "Token interval");
	}

	/**
	 * Set the concurrency limit per {@code user_id} and lane (requests without one share
	 * the empty id); over it a request gets 429.
	 * @param limit the limit, or zero for none (the default)
	 */
	public void setUserIdLimit(int limit) {
		this.settings.userIdLimit = limit;
	}

	/**
	 * Set the account balance; {@link BalanceState#INSUFFICIENT} makes chats answer 402.
	 * @param balance the balance state
	 */
	public void setBalance(BalanceState balance) {
		this.settings.balance = Objects.requireNonNull(balance);
	}

	/**
	 * Set the reply given to every chat that has no scripted fault reply.
	 * @param reply the reply, or {@code null} for the echo reply
	 */
	public void setDefaultReply(@Nullable Reply reply) {
		this.settings.defaultReply = reply;
	}

	/**
	 * Set whether the Anthropic-format endpoint behaves as DeepSeek's does (the default):
	 * a trailing {@code data: [DONE]} after {@code message_stop} and errors in the OpenAI
	 * envelope; off, it sends Anthropic's own stream end and {@code {"type":"error"}}
	 * bodies.
	 * @param quirks whether to reproduce DeepSeek's quirks
	 */
	public void setAnthropicQuirks(boolean quirks) {
		this.settings.anthropicQuirks = quirks;
	}

	/**
	 * Set whether every body piece (an SSE event, a keep-alive, a JSON document) is
	 * written and flushed as two HTTP chunks, cut inside it (inside a multi-byte
	 * character when it has one), as a proxy or a congested network may deliver it. A
	 * client then receives reads that end mid-event and reads that complete none.
	 * @param split whether to split the writes
	 */
	public void setSplitWrites(boolean split) {
		this.settings.splitWrites = split;
	}

	/**
	 * Apply a fault to the next chat request (one shot, in FIFO order with other
	 * one-shots).
	 * @param fault the fault
	 */
	public void enqueueFault(Fault fault) {
		this.faults.enqueue((request) -> true, Objects.requireNonNull(fault));
	}

	/**
	 * Apply a fault to the next chat request that matches (one shot).
	 * @param matcher selects the request, e.g. by {@link RecordedRequest#userId()},
	 * {@link RecordedRequest#model()}, a header or {@link RecordedRequest#sequence()}
	 * @param fault the fault
	 */
	public void enqueueFault(Predicate<RecordedRequest> matcher, Fault fault) {
		this.faults.enqueue(Objects.requireNonNull(matcher), Objects.requireNonNull(fault));
	}

	/**
	 * Apply a fault to every matching chat request that no one-shot fault claims, until
	 * {@link #clearFaults()}.
	 * @param matcher selects the requests
	 * @param fault the fault
	 */
	public void addFaultRule(Predicate<RecordedRequest> matcher, Fault fault) {
		this.faults.addRule(Objects.requireNonNull(matcher), Objects.requireNonNull(fault));
	}

	/**
	 * Forget every pending one-shot fault and rule.
	 */
	public void clearFaults() {
		this.faults.clear();
	}

	/**
	 * Return the recorded requests, oldest first (at most the builder's record limit).
	 * @return a snapshot of the recorded requests
	 */
	public List<RecordedRequest> requests() {
		return this.recorder.requests();
	}

	/**
	 * Return how many HTTP requests arrived since start, {@link #clearRequests()} or
	 * {@link #reset()}, whatever their path or outcome (recorded or not).
	 * @return the request count
	 */
	public long totalRequests() {
		return this.recorder.total();
	}

	/**
	 * Forget the recorded requests and restart their sequence numbers at 1.
	 */
	public void clearRequests() {
		this.recorder.clear();
	}

	/**
	 * Return a lane's counters.
	 * @param lane the lane
	 * @return a snapshot of the counters
	 */
	public LaneStats stats(Lane lane) {
		return this.lanes.get(lane).stats();
	}

	/**
	 * Reset every lane's peak (to the current in-flight count), 429 count and request
	 * count.
	 */
	public void resetStats() {
		this.lanes.values().forEach(LaneState::resetCounters);
	}

	/**
	 * Reset counters, faults and recorded requests (settings stay as they are).
	 */
	public void reset() {
		resetStats();
		clearFaults();
		clearRequests();
	}

	@Override
	public String toString() {
		DisposableServer current = this.server;
		return "DeepSeekEmulator[" + ((current != null) ? "http://127.0.0.1:" + current.port() : "stopped") + "]";
	}

}
