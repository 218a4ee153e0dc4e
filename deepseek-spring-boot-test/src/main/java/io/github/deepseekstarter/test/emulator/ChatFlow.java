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

import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The part of a chat request both API formats share once the request is parsed: balance
 * check, injected faults, lane admission (or 429), reply planning and the paced answer.
 */
final class ChatFlow {

	private final EmulatorSettings settings;

	private final Map<Lane, LaneState> lanes;

	private final FaultPlan faults;

	private final ResponseStreamer streamer;

	ChatFlow(EmulatorSettings settings, Map<Lane, LaneState> lanes, FaultPlan faults) {
		this.settings = settings;
		this.lanes = lanes;
		this.faults = faults;
		this.streamer = new ResponseStreamer(settings);
	}

	/**
	 * Answer a valid chat request.
	 * @param response the response to write
	 * @param request the recorded request
	 * @param lane the lane of the requested model
	 * @param userId the validated user id, or {@code null}
	 * @param prompt the prompt
	 * @param renderer renders the planned answer in the request's format
	 * @param anthropicEnvelope whether errors use Anthropic's format instead of
	 * DeepSeek's
	 * @return completion when the exchange is over
	 */
	Mono<Void> answer(HttpServerResponse response, RecordedRequest request, Lane lane, @Nullable String userId,
			Prompt prompt, Function<Answer, ResponseBody> renderer, boolean anthropicEnvelope) {
		LaneState state = this.lanes.get(lane);
		if (this.settings.balance == BalanceState.INSUFFICIENT) {
			state.countFaulted(402);
			return Responses.error(response, ApiError.insufficientBalance(), anthropicEnvelope);
		}
		Fault fault = this.faults.take(request);
		if (fault != null && fault.kind() == Fault.Kind.STATUS) {
			state.countFaulted(fault.status());
			return Responses.error(response,
					ApiError.forStatus(fault.status(), fault.message(), state).withRetryAfter(fault.retryAfter()),
					anthropicEnvelope);
		}
		Reply scripted = (fault != null && fault.reply() != null) ? fault.reply() : this.settings.defaultReply;
		ResponseBody body = renderer.apply(ReplyPlanner.plan(prompt, scripted));
		if (fault != null && fault.kind() == Fault.Kind.ERROR_IN_BODY) {
			ApiError error = ApiError.forStatus(fault.status(), fault.message(), state);
			body = body.endingInError(fault.afterChunks(), anthropicEnvelope ? error.anthropicBody() : error.body(),
					request.path().startsWith("/anthropic"));
		}
		LaneState.Admission admission = state.admit((userId != null) ? userId : "", this.settings.userIdLimit);
		if (!admission.admitted()) {
			return Responses.error(response, ApiError.tooManyRequests(admission.concurrency(), admission.limit()),
					anthropicEnvelope);
		}
		try {
			return this.streamer.send(response, admission, body, fault);
		}
		catch (RuntimeException ex) {
			admission.release();
			throw ex;
		}
	}

}
