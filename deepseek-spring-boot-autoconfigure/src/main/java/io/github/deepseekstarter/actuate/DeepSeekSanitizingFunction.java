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

package io.github.deepseekstarter.actuate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the DeepSeek starter's secrets in {@code /actuator/configprops} and
 * {@code /actuator/env} whatever their {@code show-values} setting: the properties
 * {@code deepseek.api-key} and {@code deepseek.user-id.secret} under any of their
 * spellings ({@code deepseek.apiKey}, {@code DEEPSEEK_API_KEY}...), and any property,
 * such as the environment variable a placeholder reads them from, whose value contains
 * one of them.
 */
public final class DeepSeekSanitizingFunction implements SanitizingFunction {

	/** The names of the secret properties, lower case, without separators. */
	private static final Set<String> SECRET_KEYS = Set.of("deepseekapikey", "deepseekuseridsecret");

	/** Shorter values are too likely to occur in unrelated properties to be matched. */
	private static final int MIN_MATCHED_LENGTH = 8;

	private final List<String> secrets;

	/**
	 * Creates the function.
	 * @param secrets the resolved secret values, any of them {@code null} when unset
	 */
	public DeepSeekSanitizingFunction(Collection<@Nullable String> secrets) {
		List<String> matched = new ArrayList<>();
		for (String secret : secrets) {
			if (secret != null && secret.length() >= MIN_MATCHED_LENGTH) {
				matched.add(secret);
			}
		}
		this.secrets = List.copyOf(matched);
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		return (isSecretKey(data.getKey()) || holdsSecret(data.getValue())) ? data.withSanitizedValue() : data;
	}

	private static boolean isSecretKey(String key) {
		StringBuilder normalized = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				normalized.append(c);
			}
		}
		return SECRET_KEYS.contains(normalized.toString().toLowerCase(Locale.ROOT));
	}

	private boolean holdsSecret(@Nullable Object value) {
		if (value == null || this.secrets.isEmpty()) {
			return false;
		}
		String text = value.toString();
		for (String secret : this.secrets) {
			if (text.contains(secret)) {
				return true;
			}
		}
		return false;
	}

}
