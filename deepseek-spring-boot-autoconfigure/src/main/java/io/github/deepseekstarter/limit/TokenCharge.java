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

import io.github.deepseekstarter.InvalidSettingException;

/**
 * How many budget tokens a call costs: input and output tokens count one each, input
 * tokens served from DeepSeek's cache count at their own rate.
 *
 * @param cacheHitRate what a cache-hit input token counts for, from 0 to 1
 */
public record TokenCharge(double cacheHitRate) {

	/**
	 * Every token counts one, cache hits too.
	 */
	public static final TokenCharge FULL = new TokenCharge(1);

	public TokenCharge {
		if (!(cacheHitRate >= 0 && cacheHitRate <= 1)) {
			throw new InvalidSettingException("cacheHitRate",
					"must be in [0, 1]: what a cache-hit input token counts for against a budget", cacheHitRate);
		}
	}

	/**
	 * Returns the budget tokens of a call.
	 * @param input the input tokens, cache hits included
	 * @param cacheHit the input tokens served from the cache
	 * @param output the output tokens, reasoning included
	 * @return the tokens to charge
	 */
	public long of(long input, long cacheHit, long output) {
		long hits = Math.min(Math.max(cacheHit, 0), Math.max(input, 0));
		return Math.max(input, 0) - hits + Math.round(hits * this.cacheHitRate) + Math.max(output, 0);
	}

}
