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

package io.github.deepseekstarter.protocol;

import org.jspecify.annotations.Nullable;

/**
 * One server-sent event with data; comments (keep-alives) never become events.
 *
 * @param event the {@code event:} name, if the server sent one
 * @param data the {@code data:} lines, joined by newlines
 */
public record ServerSentEvent(@Nullable String event, String data) {

	/** The data of the event that ends an OpenAI-format stream. */
	public static final String DONE = "[DONE]";

	/**
	 * Whether this is the {@code data: [DONE]} terminator.
	 * @return {@code true} for the terminator
	 */
	public boolean isDone() {
		return DONE.equals(this.data.strip());
	}

}
