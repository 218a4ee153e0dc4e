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

package io.github.deepseekstarter;

import org.jspecify.annotations.Nullable;

/**
 * A stream broke after DeepSeek had started answering: the connection was reset, went
 * idle, or closed without the end-of-stream marker. What arrived before is kept here; a
 * stream is never retried once a token was delivered.
 */
public class DeepSeekStreamInterruptedException extends DeepSeekException {

	private final String partialContent;

	private final String partialReasoning;

	private final int chunks;

	/**
	 * Creates the exception.
	 * @param partialContent the content received before the interruption
	 * @param partialReasoning the reasoning received before the interruption
	 * @param chunks how many chunks arrived
	 * @param cause what interrupted the stream
	 */
	public DeepSeekStreamInterruptedException(String partialContent, String partialReasoning, int chunks,
			@Nullable Throwable cause) {
		super("The DeepSeek stream was interrupted after " + chunks + " chunks ("
				+ ((cause != null) ? cause.getClass().getSimpleName() : "closed before the end of the stream")
				+ "); the partial output is kept in this exception", cause);
		this.partialContent = partialContent;
		this.partialReasoning = partialReasoning;
		this.chunks = chunks;
	}

	/**
	 * The content received before the interruption.
	 * @return the partial content, possibly empty
	 */
	public String partialContent() {
		return this.partialContent;
	}

	/**
	 * The reasoning received before the interruption.
	 * @return the partial reasoning, possibly empty
	 */
	public String partialReasoning() {
		return this.partialReasoning;
	}

	/**
	 * How many chunks arrived before the interruption.
	 * @return the count
	 */
	public int chunks() {
		return this.chunks;
	}

}
