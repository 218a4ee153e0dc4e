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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Finish reasons in the protocols' own words, for {@code ResponseDetails}: each enum's
 * constant names its wire value in upper case.
 */
final class ResponseDetailsOf {

	private ResponseDetailsOf() {
	}

	static List<String> reason(@Nullable Enum<?> reason) {
		return (reason != null) ? List.of(reason.name().toLowerCase(Locale.ROOT)) : List.of();
	}

	static <T> List<String> reasons(List<T> choices, Function<T, @Nullable Enum<?>> reason) {
		// Most chunks of a stream finish nothing: no list is built for them.
		List<String> reasons = List.of();
		for (T choice : choices) {
			Enum<?> value = reason.apply(choice);
			if (value != null) {
				if (reasons.isEmpty()) {
					reasons = new ArrayList<>(choices.size());
				}
				reasons.add(value.name().toLowerCase(Locale.ROOT));
			}
		}
		return reasons;
	}

}
