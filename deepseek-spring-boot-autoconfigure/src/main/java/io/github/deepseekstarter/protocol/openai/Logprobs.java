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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Log probabilities of the output tokens, when requested with {@code logprobs}.
 *
 * @param content one entry per output token
 */
public record Logprobs(@Nullable List<TokenLogprob> content) {

	/**
	 * Log probability of one token and its most likely alternatives.
	 *
	 * @param token the token
	 * @param logprob its log probability
	 * @param bytes its UTF-8 bytes
	 * @param topLogprobs the alternatives
	 */
	public record TokenLogprob(String token, double logprob, @Nullable List<Integer> bytes,
			@Nullable List<TopLogprob> topLogprobs) {
	}

	/**
	 * One alternative token.
	 *
	 * @param token the token
	 * @param logprob its log probability
	 * @param bytes its UTF-8 bytes
	 */
	public record TopLogprob(String token, double logprob, @Nullable List<Integer> bytes) {
	}

}
