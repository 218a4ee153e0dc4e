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

package io.github.deepseekstarter.protocol.openai;

import org.jspecify.annotations.Nullable;

/**
 * Token usage of one request. {@code prompt_tokens} equals cache hits plus cache misses.
 *
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens generated, reasoning included
 * @param totalTokens prompt plus completion
 * @param promptCacheHitTokens prompt tokens served from DeepSeek's context cache
 * @param promptCacheMissTokens prompt tokens not found in the cache
 * @param completionTokensDetails breakdown of the completion tokens
 * @param promptTokensDetails breakdown of the prompt tokens, in newer responses
 */
public record Usage(int promptTokens, int completionTokens, int totalTokens, @Nullable Integer promptCacheHitTokens,
		@Nullable Integer promptCacheMissTokens, @Nullable CompletionTokensDetails completionTokensDetails,
		@Nullable PromptTokensDetails promptTokensDetails) {

	/**
	 * The reasoning tokens among the completion tokens.
	 * @return the count, 0 when not reported
	 */
	public int reasoningTokens() {
		return (this.completionTokensDetails != null && this.completionTokensDetails.reasoningTokens() != null)
				? this.completionTokensDetails.reasoningTokens() : 0;
	}

	/**
	 * Breakdown of the completion tokens.
	 *
	 * @param reasoningTokens tokens of the chain of thought
	 */
	public record CompletionTokensDetails(@Nullable Integer reasoningTokens) {
	}

	/**
	 * Breakdown of the prompt tokens.
	 *
	 * @param cachedTokens prompt tokens served from the cache
	 */
	public record PromptTokensDetails(@Nullable Integer cachedTokens) {
	}

}
