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

package io.github.deepseekstarter.protocol.anthropic;

import org.jspecify.annotations.Nullable;

/**
 * Token usage of a message, in Anthropic's terms: {@code input_tokens} excludes the
 * tokens read from the cache.
 *
 * @param inputTokens prompt tokens not served from the cache
 * @param outputTokens generated tokens, reasoning included
 * @param cacheCreationInputTokens prompt tokens written to the cache
 * @param cacheReadInputTokens prompt tokens served from the cache
 */
public record Usage(@Nullable Integer inputTokens, @Nullable Integer outputTokens,
		@Nullable Integer cacheCreationInputTokens, @Nullable Integer cacheReadInputTokens) {

	/**
	 * This usage completed by an earlier report of the same message: a stream reports the
	 * input in {@code message_start} and the output in {@code message_delta}.
	 * @param earlier the earlier report, if any
	 * @return the merged usage
	 */
	public Usage orElse(@Nullable Usage earlier) {
		if (earlier == null) {
			return this;
		}
		return new Usage(positiveOr(this.inputTokens, earlier.inputTokens),
				positiveOr(this.outputTokens, earlier.outputTokens),
				positiveOr(this.cacheCreationInputTokens, earlier.cacheCreationInputTokens),
				positiveOr(this.cacheReadInputTokens, earlier.cacheReadInputTokens));
	}

	private static @Nullable Integer positiveOr(@Nullable Integer value, @Nullable Integer earlier) {
		return (value != null && value > 0) ? value : earlier;
	}

}
