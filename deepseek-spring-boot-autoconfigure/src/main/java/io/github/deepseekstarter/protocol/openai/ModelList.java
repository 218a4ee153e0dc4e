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
 * The answer of {@code GET /models}.
 *
 * @param object always {@code list}
 * @param data the models the account can use
 */
public record ModelList(@Nullable String object, List<Model> data) {

	/**
	 * One model.
	 *
	 * @param id the model name, for example {@code deepseek-v4-pro}
	 * @param object always {@code model}
	 * @param ownedBy the owner, {@code deepseek}
	 */
	public record Model(String id, @Nullable String object, @Nullable String ownedBy) {
	}

}
