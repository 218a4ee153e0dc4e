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

import java.time.Duration;
import java.util.List;

import io.github.deepseekstarter.TokenUsage;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default names of a call's observation, after the OpenTelemetry semantic conventions
 * for generative AI client inference spans (v1.41): the span is named
 * {@code {gen_ai.operation.name} {gen_ai.request.model}}; low-cardinality key values
 * (also tags of the observation's timer) are {@code gen_ai.operation.name},
 * {@code gen_ai.provider.name}, {@code gen_ai.request.model},
 * {@code gen_ai.response.model}, {@code server.address}, {@code server.port},
 * {@code error.type}, and this project's {@code protocol} and {@code outcome};
 * high-cardinality ones (span attributes only) are {@code gen_ai.request.stream},
 * {@code gen_ai.response.id}, {@code gen_ai.response.finish_reasons}, the
 * {@code gen_ai.usage.*} token counts and {@code gen_ai.response.time_to_first_chunk}. No
 * key value holds prompt or completion content unless content recording is on: then the
 * opt-in attributes {@code gen_ai.system_instructions} (when the request has a system
 * prompt apart from its messages), {@code gen_ai.input.messages} and
 * {@code gen_ai.output.messages} hold the conversation as the JSON the conventions
 * define.
 */
public class DefaultDeepSeekObservationConvention implements DeepSeekObservationConvention {

	private final boolean legacyNames;

	/**
	 * Creates the convention with the current names only.
	 */
	public DefaultDeepSeekObservationConvention() {
		this(false);
	}

	/**
	 * Creates the convention.
	 * @param legacyNames whether to add the deprecated {@code gen_ai.system} key value
	 */
	public DefaultDeepSeekObservationConvention(boolean legacyNames) {
		this.legacyNames = legacyNames;
	}

	@Override
	public String getName() {
		return DeepSeekMeterNames.OBSERVATION;
	}

	@Override
	public String getContextualName(DeepSeekObservationContext context) {
		return context.getCall().operation() + " " + context.getCall().meteredModel();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(DeepSeekObservationContext context) {
		CallInfo call = context.getCall();
		KeyValues values = KeyValues.of(DeepSeekMeterNames.TAG_OPERATION, call.operation(),
				DeepSeekMeterNames.TAG_PROVIDER, DeepSeekMeterNames.PROVIDER, DeepSeekMeterNames.TAG_REQUEST_MODEL,
				call.meteredModel(), DeepSeekMeterNames.TAG_RESPONSE_MODEL, orNone(context.getResponseModel()),
				DeepSeekMeterNames.TAG_SERVER_ADDRESS, context.getServerAddress(), DeepSeekMeterNames.TAG_SERVER_PORT,
				Integer.toString(context.getServerPort()), DeepSeekMeterNames.TAG_PROTOCOL, call.protocol(),
				DeepSeekMeterNames.TAG_OUTCOME, outcome(context), DeepSeekMeterNames.TAG_ERROR_TYPE,
				errorType(context.getError()));
		return this.legacyNames ? values.and(DeepSeekMeterNames.TAG_SYSTEM, DeepSeekMeterNames.PROVIDER) : values;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(DeepSeekObservationContext context) {
		KeyValues values = KeyValues.of(DeepSeekMeterNames.ATTRIBUTE_REQUEST_STREAM,
				Boolean.toString(context.getCall().stream()));
		if (context.getResponseId() != null) {
			values = values.and(DeepSeekMeterNames.ATTRIBUTE_RESPONSE_ID, context.getResponseId());
		}
		List<String> reasons = context.getFinishReasons();
		if (!reasons.isEmpty()) {
			values = values.and(DeepSeekMeterNames.ATTRIBUTE_FINISH_REASONS, String.join(",", reasons));
		}
		TokenUsage usage = context.getUsage();
		if (usage != null) {
			values = values.and(DeepSeekMeterNames.ATTRIBUTE_INPUT_TOKENS, Integer.toString(usage.input()),
					DeepSeekMeterNames.ATTRIBUTE_OUTPUT_TOKENS, Integer.toString(usage.output()),
					DeepSeekMeterNames.ATTRIBUTE_CACHE_READ_TOKENS, Integer.toString(usage.cacheHit()),
					DeepSeekMeterNames.ATTRIBUTE_REASONING_TOKENS, Integer.toString(usage.reasoning()));
		}
		Duration firstChunk = context.getTimeToFirstChunk();
		if (firstChunk != null) {
			values = values.and(DeepSeekMeterNames.ATTRIBUTE_TIME_TO_FIRST_CHUNK,
					Double.toString(firstChunk.toNanos() / 1e9));
		}
		values = values.and(DeepSeekMeterNames.ATTRIBUTE_KEEP_ALIVES, Integer.toString(context.getKeepAlives()));
		ConversationRecorder conversation = context.getConversation();
		return (conversation != null) ? values.and(conversation(conversation)) : values;
	}

	/**
	 * The opt-in content attributes of a call whose content is recorded.
	 * @param conversation the recorded conversation
	 * @return the key values, none for an attribute with nothing recorded
	 */
	protected KeyValues conversation(ConversationRecorder conversation) {
		KeyValues values = KeyValues.empty();
		String system = conversation.systemInstructionsJson();
		if (system != null) {
			values = values.and(DeepSeekMeterNames.ATTRIBUTE_SYSTEM_INSTRUCTIONS, system);
		}
		String input = conversation.inputMessagesJson();
		if (input != null) {
			values = values.and(DeepSeekMeterNames.ATTRIBUTE_INPUT_MESSAGES, input);
		}
		String output = conversation.outputMessagesJson();
		if (output != null) {
			values = values.and(DeepSeekMeterNames.ATTRIBUTE_OUTPUT_MESSAGES, output);
		}
		return values;
	}

	/**
	 * The {@code outcome} of a call: {@code success}, {@code error} or {@code cancelled}.
	 * @param context the call's context
	 * @return the outcome
	 */
	protected String outcome(DeepSeekObservationContext context) {
		return outcome(context.getError(), context.isCancelled());
	}

	static String outcome(@Nullable Throwable error, boolean cancelled) {
		return cancelled ? "cancelled" : (error != null) ? "error" : "success";
	}

	/**
	 * The {@code error.type} of a failure: the exception's canonical class name, as the
	 * conventions suggest, or {@value DeepSeekMeterNames#NONE} for a call that did not
	 * fail (a value rather than no key, so every timer of one name has the same tags).
	 * @param error the failure, if any
	 * @return the value
	 */
	static String errorType(@Nullable Throwable error) {
		return (error != null) ? error.getClass().getName() : DeepSeekMeterNames.NONE;
	}

	static String orNone(@Nullable String value) {
		return (value != null) ? value : DeepSeekMeterNames.NONE;
	}

}
