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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;

/**
 * Starts one {@link DeepSeekEmulator} per Spring test application context, points
 * {@code deepseek.base-url} and {@code deepseek.api-key} at it, registers it as a bean
 * (so a test can {@code @Autowired} it to script faults or read its counters) and stops
 * it when the context closes. <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureDeepSeekEmulator
 * class ChatTests {
 *
 *     &#64;Autowired
 *     DeepSeekEmulator emulator;
 * }
 * </pre> Contexts are cached as usual: tests with equal attributes share the emulator, so
 * reset it ({@link DeepSeekEmulator#reset()}) where a test depends on clean counters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureDeepSeekEmulator {

	/**
	 * The API key the emulator accepts and the {@code deepseek.api-key} property
	 * receives.
	 * @return the API key
	 */
	String apiKey() default DeepSeekEmulator.DEFAULT_API_KEY;

	/**
	 * The concurrency limit of the {@code deepseek-v4-pro} lane.
	 * @return the limit
	 */
	int proLimit() default 500;

	/**
	 * The concurrency limit of the Flash lane.
	 * @return the limit
	 */
	int flashLimit() default 2500;

	/**
	 * The property that receives the emulator's base URL, {@code http://127.0.0.1:PORT}.
	 * @return the property name
	 */
	String baseUrlProperty() default "deepseek.base-url";

	/**
	 * The property that receives the API key.
	 * @return the property name
	 */
	String apiKeyProperty() default "deepseek.api-key";

}
