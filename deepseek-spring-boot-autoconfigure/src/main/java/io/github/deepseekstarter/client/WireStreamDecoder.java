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
package io.github.deepseekstarter.client;

import io.github.deepseekstarter.DeepSeekException;
import io.github.deepseekstarter.DeepSeekStreamInterruptedException;
import io.github.deepseekstarter.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * The progress both wire formats keep while decoding a stream: the text and reasoning so
 * far, how many elements went out, whether the end marker came, and the usage the last
 * event reported. A subclass reads its format and reports what it found.
 *
 * @param <C> the element type
 */
abstract class WireStreamDecoder<C> implements StreamDecoder<C> {

	private final StringBuilder content = new StringBuilder();

	private final StringBuilder reasoning = new StringBuilder();

	private int elements;

	private boolean done;

	private @Nullable TokenUsage usage;

	/**
	 * Adds what one element carried.
	 * @param content a fragment of the text, or {@code null}
	 * @param reasoning a fragment of the chain of thought, or {@code null}
	 */
	final void received(@Nullable String content, @Nullable String reasoning) {
		if (content != null) {
			this.content.append(content);
		}
		if (reasoning != null) {
			this.reasoning.append(reasoning);
		}
	}

	/**
	 * Counts one element sent downstream.
	 */
	final void emitted() {
		this.elements++;
	}

	/**
	 * Keeps the usage an event reported, for {@link #takeUsage()}.
	 * @param usage the usage
	 */
	final void reported(TokenUsage usage) {
		this.usage = usage;
	}

	/**
	 * Marks the end marker as arrived.
	 */
	final void ended() {
		this.done = true;
	}

	@Override
	public final boolean isDone() {
		return this.done;
	}

	@Override
	public final boolean hasOutput() {
		return this.elements > 0;
	}

	@Override
	public final boolean hasToken() {
		return this.content.length() > 0 || this.reasoning.length() > 0;
	}

	@Override
	public final @Nullable TokenUsage takeUsage() {
		TokenUsage taken = this.usage;
		this.usage = null;
		return taken;
	}

	@Override
	public final DeepSeekException interrupted(@Nullable Throwable cause) {
		return new DeepSeekStreamInterruptedException(this.content.toString(), this.reasoning.toString(), this.elements,
				cause);
	}

}
