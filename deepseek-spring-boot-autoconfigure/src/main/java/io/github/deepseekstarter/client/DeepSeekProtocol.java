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

/**
 * The wire formats DeepSeek speaks. Both share the account's lanes, the tenant's
 * {@code user_id} and the metrics; they differ in the path, the body and where the
 * {@code user_id} goes.
 */
public enum DeepSeekProtocol {

	/** The OpenAI format: {@code POST /chat/completions}, a top-level {@code user_id}. */
	OPENAI("openai"),

	/**
	 * The Anthropic format: {@code POST /anthropic/v1/messages},
	 * {@code metadata.user_id}.
	 */
	ANTHROPIC("anthropic");

	private final String wireName;

	DeepSeekProtocol(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The lower-case name used in metrics and observations.
	 * @return {@code openai} or {@code anthropic}
	 */
	public String wireName() {
		return this.wireName;
	}

}
