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

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

import org.springframework.core.NativeDetector;

/**
 * The client's own JSON mapper for the wire. It is never the application's mapper, so
 * that an application's naming strategy or inclusion settings cannot change what DeepSeek
 * receives.
 */
public final class DeepSeekJson {

	private static final JsonMapper MAPPER = dataBinding().addModule(OpenAiResponseDeserializer.module()).build();

	private DeepSeekJson() {
	}

	/**
	 * The mapper's settings with data binding alone, without the token readers of the
	 * OpenAI answers: what those readers are held to.
	 * @return a builder of such a mapper
	 */
	static JsonMapper.Builder dataBinding() {
		JsonMapper.Builder builder = withJacksonAccessors();
		// Jackson 3 reaches every property through a method handle that the JIT cannot
		// inline, and checks its type on every read: Blackbird's accessors, generated
		// once per property, are plain calls. A native image defines no class at run
		// time, so it keeps Jackson's own.
		return NativeDetector.inNativeImage() ? builder : builder.addModule(new BlackbirdModule());
	}

	/**
	 * The wire's settings with Jackson's own property accessors: what the generated
	 * accessors are held to.
	 * @return a builder of such a mapper
	 */
	static JsonMapper.Builder withJacksonAccessors() {
		return JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
			.addModule(new WireCreators());
	}

	/**
	 * The wire mapper: snake_case names, nulls left out, unknown fields and enum values
	 * tolerated.
	 * @return the shared, thread-safe mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * Builds the (de)serializers of the given types now, at startup: Jackson locks its
	 * caches while it builds them, which must not happen on an event loop under load.
	 * @param types the wire types a client reads or writes
	 */
	public static void warmUp(Class<?>... types) {
		for (Class<?> type : types) {
			MAPPER.readerFor(type);
			MAPPER.writerFor(type);
		}
	}

}
