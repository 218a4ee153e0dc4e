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
import io.github.deepseekstarter.protocol.openai.ChatCompletionChunk;
import org.jspecify.annotations.Nullable;

/**
 * What one OpenAI-format stream has delivered, so that an interruption keeps the partial
 * output.
 */
final class OpenAiStreamState {

	private final StringBuilder content = new StringBuilder();

	private final StringBuilder reasoning = new StringBuilder();

	private int chunks;

	private boolean token;

	private boolean done;

	void accept(ChatCompletionChunk chunk) {
		this.chunks++;
		if (chunk.content() != null) {
			this.content.append(chunk.content());
		}
		if (chunk.reasoningContent() != null) {
			this.reasoning.append(chunk.reasoningContent());
		}
		this.token = this.content.length() > 0 || this.reasoning.length() > 0;
	}

	void done() {
		this.done = true;
	}

	boolean isDone() {
		return this.done;
	}

	boolean hasToken() {
		return this.token;
	}

	boolean hasOutput() {
		return this.chunks > 0;
	}

	DeepSeekException interrupted(@Nullable Throwable cause) {
		return new DeepSeekStreamInterruptedException(this.content.toString(), this.reasoning.toString(), this.chunks,
				cause);
	}

}
