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

package io.github.deepseekstarter.autoconfigure.diagnostics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a {@code deepseek.protocol} value that names no wire format the client speaks.
 * It reads the allowed values from the property's enum type, so it stays true as formats
 * are added.
 */
class UnknownProtocolFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	private static final String PROTOCOL = "deepseek.protocol";

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		if (!PROTOCOL.equals(cause.getName().toString())) {
			return null;
		}
		ConfigurationProperty property = cause.getProperty();
		Object value = (property != null) ? property.getValue() : null;
		String origin = (property != null && property.getOrigin() != null) ? " (from " + property.getOrigin() + ")"
				: "";
		String allowed = allowedValues(cause.getTarget().getType().resolve());
		String description = PROTOCOL + " is '" + value + "'" + origin
				+ ", which is not a wire format the DeepSeek client speaks.";
		String action = "Set " + PROTOCOL + " to one of " + allowed + ": openai sends DeepSeek's OpenAI-compatible "
				+ "chat completions (the default), anthropic sends Anthropic's Messages format to the /anthropic "
				+ "base URL. Remove the property to use the default.";
		return new FailureAnalysis(description, action, cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private static String allowedValues(@Nullable Class<?> type) {
		if (type == null || !type.isEnum()) {
			return "openai, anthropic";
		}
		return Arrays.stream(type.getEnumConstants())
			.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(", "));
	}

}
