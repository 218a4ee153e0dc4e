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
 * Names of the meters, tags and observation the DeepSeek client records. The
 * {@code gen_ai.*} names follow the OpenTelemetry semantic conventions for generative AI
 * clients, as Spring AI does; the {@code deepseek.*} names cover what is particular to
 * DeepSeek's account lanes and keep-alive protocol.
 */
public final class DeepSeekMeterNames {

	/** Timer of each call, from its start to its last byte, queueing included. */
	public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";

	/** Distribution summary of the tokens each call used, by token type. */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

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

	/** Timer from a streamed call's start to its first generated token. */
	public static final String TIME_TO_FIRST_TOKEN = "deepseek.time.to.first.token";

	/** Name of the observation of each call. */
	public static final String OBSERVATION = "deepseek.client.call";

	/** Tag of the operation, {@code chat}. */
	public static final String TAG_OPERATION = "gen_ai.operation.name";

	/** Tag of the AI system, always {@code deepseek}. */
	public static final String TAG_SYSTEM = "gen_ai.system";

	/** Tag of the model requested (on the {@code gen_ai.*} meters). */
	public static final String TAG_REQUEST_MODEL = "gen_ai.request.model";

	/** Tag of the token type on {@link #TOKEN_USAGE}. */
	public static final String TAG_TOKEN_TYPE = "gen_ai.token.type";

	/** Tag of the model or lane (on the {@code deepseek.*} meters). */
	public static final String TAG_MODEL = "model";

	/** Tag of the wire format, {@code openai} or {@code anthropic}. */
	public static final String TAG_PROTOCOL = "protocol";

	/** Tag of a call's outcome: {@code success}, {@code error} or {@code cancelled}. */
	public static final String TAG_OUTCOME = "outcome";

	/** Tag of the failure's class name, {@code none} for a call that did not fail. */
	public static final String TAG_ERROR_TYPE = "error.type";

	/** Tag of a local rejection's reason: {@code queue_full} or {@code queue_timeout}. */
	public static final String TAG_REASON = "reason";

	/** Tag of an upstream answer's HTTP status. */
	public static final String TAG_STATUS = "status";

	/** Tag of the pseudonymized tenant, present only when tenant tags are enabled. */
	public static final String TAG_TENANT = "tenant";

	/** The value of {@link #TAG_SYSTEM}. */
	public static final String SYSTEM = "deepseek";

	private DeepSeekMeterNames() {
	}

}
