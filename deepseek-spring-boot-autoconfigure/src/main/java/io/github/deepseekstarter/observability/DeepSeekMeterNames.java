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

package io.github.deepseekstarter.observability;

/**
 * Names of the meters, tags, span attributes and observation the DeepSeek client records.
 * The {@code gen_ai.*}, {@code server.*} and {@code error.type} names are those of the
 * OpenTelemetry semantic conventions for generative AI clients as released in v1.41
 * ({@code docs/gen-ai/gen-ai-metrics.md}, {@code gen-ai-spans.md},
 * {@code model/gen-ai/registry.yaml}); the {@code deepseek.*} names cover what is
 * particular to DeepSeek: account lanes, keep-alives, cache and reasoning tokens, cost.
 */
public final class DeepSeekMeterNames {

	/** Timer of each call, from its start to its last byte, queueing included. */
	public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";

	/**
	 * Distribution summary of the tokens each call used, by token type input or output.
	 */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/** Timer from a streamed call's start to its first chunk. */
	public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

	/**
	 * Distribution summary of the parts of the input and output tokens DeepSeek bills or
	 * reports apart: {@code cache_read}, {@code cache_miss} and {@code reasoning}.
	 */
	public static final String TOKEN_DETAILS = "deepseek.client.token.usage";

	/** Counter of what the calls cost at the configured prices, per lane and currency. */
	public static final String COST = "deepseek.client.cost";

	/** Gauge of the permits held by running requests, per lane. */
	public static final String LANE_IN_USE = "deepseek.lane.permits.in.use";

	/** Gauge of a lane's configured limit. */
	public static final String LANE_CONFIGURED_LIMIT = "deepseek.lane.limit.configured";

	/** Gauge of a lane's effective limit, lowered by the server's 429 answers. */
	public static final String LANE_EFFECTIVE_LIMIT = "deepseek.lane.limit.effective";

	/** Gauge of the requests waiting for a permit, per lane. */
	public static final String QUEUE_SIZE = "deepseek.queue.size";

	/** Timer of the wait for a permit, zero for a request admitted at once. */
	public static final String QUEUE_WAIT = "deepseek.queue.wait";

	/** Counter of requests rejected locally, never sent, by reason. */
	public static final String REJECTED = "deepseek.requests.rejected";

	/** Counter of requests whose caller gave up while they waited for a permit. */
	public static final String ABANDONED = "deepseek.requests.abandoned";

	/**
	 * Counter of requests rejected locally because their tenant used up a token budget.
	 */
	public static final String BUDGET_REJECTIONS = "deepseek.budget.rejections";

	/**
	 * Tag of the budget period ({@code hour} or {@code day}).
	 */
	public static final String TAG_PERIOD = "period";

	/** Counter of DeepSeek's answers by HTTP status; server 429s are counted here. */
	public static final String UPSTREAM_RESPONSES = "deepseek.upstream.responses";

	/** Counter of keep-alives received while DeepSeek queued a request. */
	public static final String KEEP_ALIVES = "deepseek.keepalives";

	/** Timer of DeepSeek's queue time: the wait until the first byte not a keep-alive. */
	public static final String SERVER_QUEUE_TIME = "deepseek.server.queue.time";

	/**
	 * Timer from a streamed call's start to its first generated token.
	 * @deprecated since 0.1.0 in favour of {@link #TIME_TO_FIRST_CHUNK}; recorded only
	 * with {@code deepseek.metrics.legacy-names=true}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public static final String TIME_TO_FIRST_TOKEN = "deepseek.time.to.first.token";

	/** Name of the observation of each call. */
	public static final String OBSERVATION = "deepseek.client.call";

	/** Tag of the operation, {@code chat}. */
	public static final String TAG_OPERATION = "gen_ai.operation.name";

	/** Tag of the provider, always {@value #PROVIDER}. */
	public static final String TAG_PROVIDER = "gen_ai.provider.name";

	/**
	 * Tag of the AI system, renamed {@link #TAG_PROVIDER} by the conventions in v1.37.
	 * @deprecated since 0.1.0 in favour of {@link #TAG_PROVIDER}; added only with
	 * {@code deepseek.metrics.legacy-names=true}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public static final String TAG_SYSTEM = "gen_ai.system";

	/**
	 * Tag of the model requested: its name when it has a lane of its own or is an alias
	 * of one, else the lane's name.
	 */
	public static final String TAG_REQUEST_MODEL = "gen_ai.request.model";

	/** Tag of the model that answered, {@value #NONE} when no answer named one. */
	public static final String TAG_RESPONSE_MODEL = "gen_ai.response.model";

	/** Tag of the host calls are sent to. */
	public static final String TAG_SERVER_ADDRESS = "server.address";

	/** Tag of the port calls are sent to. */
	public static final String TAG_SERVER_PORT = "server.port";

	/** Tag of the token type on {@link #TOKEN_USAGE}: {@code input} or {@code output}. */
	public static final String TAG_TOKEN_TYPE = "gen_ai.token.type";

	/**
	 * Tag of the token type on {@link #TOKEN_DETAILS}: {@code cache_read},
	 * {@code cache_miss} or {@code reasoning}.
	 */
	public static final String TAG_TOKEN_DETAIL = "deepseek.token.type";

	/** Tag of the lane (on the {@code deepseek.*} meters). */
	public static final String TAG_MODEL = "model";

	/** Tag of the wire format, {@code openai} or {@code anthropic}. */
	public static final String TAG_PROTOCOL = "protocol";

	/** Tag of a call's outcome: {@code success}, {@code error} or {@code cancelled}. */
	public static final String TAG_OUTCOME = "outcome";

	/** Tag of the failure's class name, {@value #NONE} for a call that did not fail. */
	public static final String TAG_ERROR_TYPE = "error.type";

	/** Tag of a local rejection's reason: {@code queue_full} or {@code queue_timeout}. */
	public static final String TAG_REASON = "reason";

	/** Tag of an upstream answer's HTTP status. */
	public static final String TAG_STATUS = "status";

	/** Tag of the pseudonymized tenant, present only when tenant tags are enabled. */
	public static final String TAG_TENANT = "tenant";

	/** Tag of the currency of {@link #COST}. */
	public static final String TAG_CURRENCY = "currency";

	/** Span attribute: whether the call was streamed. */
	public static final String ATTRIBUTE_REQUEST_STREAM = "gen_ai.request.stream";

	/** Span attribute: the completion's id. */
	public static final String ATTRIBUTE_RESPONSE_ID = "gen_ai.response.id";

	/** Span attribute: why generation stopped, one reason per choice, comma separated. */
	public static final String ATTRIBUTE_FINISH_REASONS = "gen_ai.response.finish_reasons";

	/** Span attribute: the input tokens, cache reads included. */
	public static final String ATTRIBUTE_INPUT_TOKENS = "gen_ai.usage.input_tokens";

	/** Span attribute: the output tokens, reasoning included. */
	public static final String ATTRIBUTE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";

	/** Span attribute: the input tokens served from DeepSeek's context cache. */
	public static final String ATTRIBUTE_CACHE_READ_TOKENS = "gen_ai.usage.cache_read.input_tokens";

	/** Span attribute: the output tokens of the chain of thought. */
	public static final String ATTRIBUTE_REASONING_TOKENS = "gen_ai.usage.reasoning.output_tokens";

	/** Span attribute: a stream's time to first chunk, in seconds. */
	public static final String ATTRIBUTE_TIME_TO_FIRST_CHUNK = "gen_ai.response.time_to_first_chunk";

	/**
	 * Span attribute, recorded only when content recording is on: the system instructions
	 * given apart from the chat history, as the JSON of
	 * {@code gen-ai-system-instructions.json}.
	 */
	public static final String ATTRIBUTE_SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions";

	/**
	 * Span attribute, recorded only when content recording is on: the chat history sent,
	 * as the JSON of {@code gen-ai-input-messages.json}.
	 */
	public static final String ATTRIBUTE_INPUT_MESSAGES = "gen_ai.input.messages";

	/**
	 * Span attribute, recorded only when content recording is on: the answer, one message
	 * per choice, as the JSON of {@code gen-ai-output-messages.json}.
	 */
	public static final String ATTRIBUTE_OUTPUT_MESSAGES = "gen_ai.output.messages";

	/** Span attribute: the keep-alives received while DeepSeek queued the call. */
	public static final String ATTRIBUTE_KEEP_ALIVES = "deepseek.keepalives";

	/** The value of {@link #TAG_PROVIDER}, a well-known value of the conventions. */
	public static final String PROVIDER = "deepseek";

	/** The value of a tag whose subject is absent (no error, no response model). */
	public static final String NONE = "none";

	private DeepSeekMeterNames() {
	}

}
