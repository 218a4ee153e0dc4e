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

import java.util.function.Function;

import io.github.deepseekstarter.DeepSeekTransportException;
import io.github.deepseekstarter.protocol.DeepSeekJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * Reads wire JSON with the client's own mapper, turning a body that does not parse, or
 * that is a JSON {@code null}, into a transport failure.
 */
final class WireJson {

	/**
	 * One reader per type, its deserializer found once: the mapper's own
	 * {@code readValue} resolves the type and looks its deserializer up on every call.
	 */
	private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {

		@Override
		protected ObjectReader computeValue(Class<?> type) {
			return DeepSeekJson.mapper().readerFor(type);
		}

	};

	private WireJson() {
	}

	static <T> T read(String json, Class<T> type) {
		return read(type, (reader) -> reader.readValue(json));
	}

	/**
	 * Reads UTF-8 bytes, as a body is read: Jackson reads bytes faster than the text
	 * decoded from them (BENCHMARKS.md, "Reading JSON").
	 */
	static <T> T read(byte[] json, Class<T> type) {
		return read(type, (reader) -> reader.readValue(json));
	}

	private static <T> T read(Class<T> type, Function<ObjectReader, @Nullable T> reading) {
		T value;
		try {
			value = reading.apply(READERS.get(type));
		}
		catch (JacksonException ex) {
			throw new DeepSeekTransportException("DeepSeek sent a body that is not a valid " + type.getSimpleName()
					+ " (" + ex.getOriginalMessage() + ")", ex);
		}
		if (value == null) {
			// Data binding reads a JSON null as no value at all.
			throw new DeepSeekTransportException("DeepSeek sent null where a " + type.getSimpleName() + " was expected",
					null);
		}
		return value;
	}

}
