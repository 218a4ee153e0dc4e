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

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.deepseekstarter.InvalidSettingException;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The one boundary between configuration properties and the library's settings types: the
 * mapping step records which property fills each setting, and an
 * {@link InvalidSettingException} of the settings type becomes an
 * {@link InvalidConfigurationPropertyValueException} naming that property, which fails
 * startup and which the failure analyzers explain.
 */
final class SettingsBoundary {

	private final String fallback;

	private final Map<String, String> properties = new LinkedHashMap<>();

	/**
	 * Creates a boundary.
	 * @param fallback the property named when a setting was not recorded, such as the
	 * prefix of the group of properties being mapped
	 */
	SettingsBoundary(String fallback) {
		this.fallback = fallback;
	}

	/**
	 * Creates a boundary for a record of settings whose components, in order, come from
	 * the given properties.
	 * @param type the record type
	 * @param fallback the property named when no component is named
	 * @param properties the property of each component, in the order of the components;
	 * later components have none
	 * @return the boundary
	 */
	static SettingsBoundary of(Class<? extends Record> type, String fallback, String... properties) {
		SettingsBoundary boundary = new SettingsBoundary(fallback);
		RecordComponent[] components = type.getRecordComponents();
		for (int i = 0; i < properties.length; i++) {
			boundary.name(components[i].getName(), properties[i]);
		}
		return boundary;
	}

	/**
	 * Records the property a setting comes from.
	 * @param setting the setting, as {@link InvalidSettingException} names it
	 * @param property the property
	 * @return this boundary
	 */
	SettingsBoundary name(String setting, String property) {
		this.properties.put(setting, property);
		return this;
	}

	/**
	 * Maps a property onto a setting with Boot's {@link PropertyMapper}, recording the
	 * property the setting comes from.
	 * @param <T> the type of the value
	 * @param setting the setting, as {@link InvalidSettingException} names it
	 * @param property the property
	 * @param value the property's value
	 * @param setter sets the setting
	 * @return this boundary
	 */
	<T> SettingsBoundary map(String setting, String property, Supplier<? extends T> value, Consumer<? super T> setter) {
		PropertyMapper.get().from(value).to(setter);
		return name(setting, property);
	}

	/**
	 * Records the properties of the entries of a map setting.
	 * @param setting the map setting, such as {@code aliases}
	 * @param property the map property, such as {@code deepseek.limits.aliases}
	 * @param keys the keys of the entries
	 * @return this boundary
	 */
	SettingsBoundary entries(String setting, String property, Iterable<?> keys) {
		for (Object key : keys) {
			name(InvalidSettingException.entry(setting, key), property + "." + key);
		}
		return this;
	}

	/**
	 * Creates the settings, turning a validation error into one that names the property.
	 * @param <T> the settings type
	 * @param settings creates the settings
	 * @return the settings
	 */
	<T> T create(Supplier<T> settings) {
		try {
			return settings.get();
		}
		catch (InvalidSettingException ex) {
			String property = this.properties.getOrDefault(ex.getSetting(), this.fallback);
			throw new InvalidConfigurationPropertyValueException(property, ex.getValue(), reason(ex));
		}
	}

	private static String reason(InvalidSettingException ex) {
		String rule = ex.getRule();
		return Character.toUpperCase(rule.charAt(0)) + rule.substring(1) + ".";
	}

}
