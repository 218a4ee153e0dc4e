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

package io.github.deepseekstarter.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The effective {@code deepseek.*} configuration as a map, every secret replaced by a
 * mask: read from the properties' own getters, so properties added later are shown
 * without a change here, and redacted by name, so a new secret is masked as well.
 */
final class RedactedConfiguration {

	static final String MASK = "******";

	private static final List<String> SECRET_SUFFIXES = List.of("key", "secret", "password", "token", "credentials");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private RedactedConfiguration() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> of(DeepSeekProperties properties) {
		return (Map<String, Object>) redact(MAPPER.convertValue(properties, Map.class));
	}

	private static Object redact(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> redacted = new LinkedHashMap<>();
			map.forEach((key, entry) -> redacted.put(key.toString(),
					(isSecret(key.toString()) && entry != null) ? MASK : redact(entry)));
			return redacted;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(RedactedConfiguration::redact).toList();
		}
		return value;
	}

	private static boolean isSecret(String key) {
		String name = key.toLowerCase(Locale.ROOT);
		return SECRET_SUFFIXES.stream().anyMatch(name::endsWith);
	}

}
