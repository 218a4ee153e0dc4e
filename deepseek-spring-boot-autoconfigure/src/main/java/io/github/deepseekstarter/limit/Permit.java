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

package io.github.deepseekstarter.limit;

import java.util.OptionalInt;

/**
 * A permit held while a request runs: it tells which model the request must be sent to
 * and takes the server's answer back to the lane that granted it. It is released by the
 * limiter when the body completes, errors or is cancelled, never by the caller.
 */
public interface Permit {

	/**
	 * Returns the model the request must be sent to: the requested model, or the overflow
	 * lane's model when the request was routed there.
	 * @return the model name
	 */
	String model();

	/**
	 * Returns the name of the lane that granted this permit.
	 * @return the lane name
	 */
	String lane();

	/**
	 * Returns the admission this permit was granted for.
	 * @return the admission
	 */
	Admission admission();

	/**
	 * Reports that DeepSeek answered 429 to this request. With the limit read from the
	 * message the lane's effective limit drops to it at once, unless the lane has fewer
	 * requests in flight than that limit besides this one: then it is DeepSeek's limit of
	 * this request's {@code user_id}, and only its tenant lane is capped. Without a limit
	 * the lane's effective limit drops multiplicatively, once per generation of permits.
	 * @param limitFromMessage the account limit DeepSeek named, if any
	 */
	void onServerLimit(OptionalInt limitFromMessage);

	/**
	 * Reports that DeepSeek accepted this request; successes of permits granted at the
	 * current effective limit raise a lowered limit back towards the configured one.
	 */
	void onSuccess();

	/**
	 * Reports the tokens DeepSeek said the request used, so that they count against its
	 * tenant's token budget; does nothing for a tenant without one.
	 * @param input the input tokens, cache hits included
	 * @param cacheHit the input tokens served from DeepSeek's cache
	 * @param output the output tokens, reasoning included
	 */
	default void onUsage(long input, long cacheHit, long output) {
	}

}
