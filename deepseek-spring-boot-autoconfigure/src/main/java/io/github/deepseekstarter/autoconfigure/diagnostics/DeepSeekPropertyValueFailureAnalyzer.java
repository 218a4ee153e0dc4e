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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Base of the analyzers of an invalid {@code deepseek.*} property value. Ordered first so
 * that it speaks before Spring Boot's generic analyzer of the same exception.
 */
abstract class DeepSeekPropertyValueFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidConfigurationPropertyValueException> implements Ordered {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure,
			InvalidConfigurationPropertyValueException cause) {
		return appliesTo(cause.getName()) ? analyze(cause) : null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * Whether this analyzer explains a failure of the given property.
	 * @param property the property whose value was rejected
	 * @return whether the analyzer applies
	 */
	abstract boolean appliesTo(String property);

	/**
	 * Explain the failure.
	 * @param cause the failure of a property this analyzer applies to
	 * @return the analysis
	 */
	abstract FailureAnalysis analyze(InvalidConfigurationPropertyValueException cause);

}
