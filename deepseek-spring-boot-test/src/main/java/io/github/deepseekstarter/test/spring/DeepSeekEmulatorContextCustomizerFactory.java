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

package io.github.deepseekstarter.test.spring;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Creates a {@link DeepSeekEmulatorContextCustomizer} for test classes annotated with
 * {@link AutoConfigureDeepSeekEmulator}; registered in {@code META-INF/spring.factories}.
 */
class DeepSeekEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureDeepSeekEmulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureDeepSeekEmulator.class);
		if (annotation == null) {
			return null;
		}
		return new DeepSeekEmulatorContextCustomizer(annotation.apiKey(), annotation.proLimit(),
				annotation.flashLimit(), annotation.baseUrlProperty(), annotation.apiKeyProperty());
	}

}
