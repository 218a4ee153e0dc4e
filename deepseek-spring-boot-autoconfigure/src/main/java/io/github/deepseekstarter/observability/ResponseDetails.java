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

package io.github.deepseekstarter.observability;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an answer, or one chunk of a streamed answer, tells about itself.
 *
 * @param id the completion's id, if the answer carries it
 * @param model the model that generated the answer, if the answer names it
 * @param finishReasons why generation stopped, one per choice, in the protocol's own
 * words ({@code stop}, {@code length}, {@code end_turn}...); empty until known
 */
public record ResponseDetails(@Nullable String id, @Nullable String model, List<String> finishReasons) {

	/**
	 * Creates the details.
	 * @param id the completion's id
	 * @param model the model that answered
	 * @param finishReasons the finish reasons
	 */
	public ResponseDetails {
		finishReasons = List.copyOf(finishReasons);
	}

}
