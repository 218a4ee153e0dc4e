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

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Thinking mode switch; DeepSeek ignores the budget.
 *
 * @param type {@code enabled} or {@code disabled}
 * @param budgetTokens the reasoning budget Anthropic asks for, ignored by DeepSeek
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Thinking(String type, @Nullable Integer budgetTokens) {

	/** Thinking enabled: the response carries {@code thinking} blocks. */
	public static final Thinking ENABLED = new Thinking("enabled", null);

	/** Thinking disabled. */
	public static final Thinking DISABLED = new Thinking("disabled", null);

}
