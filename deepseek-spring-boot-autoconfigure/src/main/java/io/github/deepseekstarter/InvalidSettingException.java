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
package io.github.deepseekstarter;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a settings type of the library when one of its values breaks a rule. It names
 * the setting in the library's own terms (such as {@code defaultLimit} or
 * {@code aliases[deepseek-chat]}), so that whoever filled it from configuration can name
 * the property instead.
 */
public class InvalidSettingException extends IllegalArgumentException {

	private final String setting;

	private final transient @Nullable Object value;

	private final String rule;

	/**
	 * Creates an exception for a value that breaks a rule.
	 * @param setting the setting, such as {@code maxWait}
	 * @param rule the rule, such as {@code must not be negative}
	 * @param value the value
	 */
	public InvalidSettingException(String setting, String rule, @Nullable Object value) {
		super(setting + " " + rule + " but was " + value);
		this.setting = setting;
		this.rule = rule;
		this.value = value;
	}

	/**
	 * Returns the name of an entry of a keyed setting, as the exception names it.
	 * @param setting the setting, such as {@code aliases}
	 * @param key the key of the entry
	 * @return the entry's name, such as {@code aliases[deepseek-chat]}
	 */
	public static String entry(String setting, Object key) {
		return setting + "[" + key + "]";
	}

	/**
	 * Returns the setting whose value breaks the rule.
	 * @return the setting
	 */
	public String getSetting() {
		return this.setting;
	}

	/**
	 * Returns the rule the value breaks.
	 * @return the rule
	 */
	public String getRule() {
		return this.rule;
	}

	/**
	 * Returns the value that breaks the rule.
	 * @return the value
	 */
	public @Nullable Object getValue() {
		return this.value;
	}

}
