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

import java.util.function.Supplier;

import tools.jackson.core.JacksonException;

/**
 * What a read of JSON came to: the value read, or the type and message of the failure, so
 * that two readers can be held to the same outcome on good and bad input alike.
 *
 * @param value the value read, or the failure's type and message
 */
record ReadOutcome(Object value) {

	static ReadOutcome of(Supplier<Object> read) {
		try {
			return new ReadOutcome(read.get());
		}
		catch (JacksonException ex) {
			return new ReadOutcome(ex.getClass().getName() + ": " + ex.getOriginalMessage());
		}
	}

}
