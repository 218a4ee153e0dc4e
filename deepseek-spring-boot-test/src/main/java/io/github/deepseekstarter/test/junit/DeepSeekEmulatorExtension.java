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

package io.github.deepseekstarter.test.junit;

import java.util.Objects;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulatorBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link DeepSeekEmulator} around tests and injects it into test and lifecycle
 * method parameters of type {@code DeepSeekEmulator}.
 * <p>
 * Registered on a static field ({@code @RegisterExtension static}) or with
 * {@code @ExtendWith(DeepSeekEmulatorExtension.class)}, one emulator serves the whole
 * class (nested classes included) and its counters, faults and recorded requests are
 * reset after each test; settings a test changes stay. Registered on an instance field,
 * each test gets a fresh emulator. <pre class="code">
 * &#64;RegisterExtension
 * static DeepSeekEmulatorExtension deepseek = new DeepSeekEmulatorExtension(
 *         DeepSeekEmulator.builder().keepAliveInterval(Duration.ofMillis(50)));
 *
 * &#64;Test
 * void answers(DeepSeekEmulator emulator) { ... emulator.baseUrl() ... }
 * </pre>
 */
public final class DeepSeekEmulatorExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private final DeepSeekEmulatorBuilder builder;

	private @Nullable DeepSeekEmulator emulator;

	private int classDepth;

	/**
	 * Create an extension with the emulator's defaults.
	 */
	public DeepSeekEmulatorExtension() {
		this(DeepSeekEmulator.builder());
	}

	/**
	 * Create an extension whose emulators come from the given builder.
	 * @param builder the configured builder
	 */
	public DeepSeekEmulatorExtension(DeepSeekEmulatorBuilder builder) {
		this.builder = Objects.requireNonNull(builder);
	}

	/**
	 * Return the running emulator.
	 * @return the emulator
	 * @throws IllegalStateException outside a test's lifetime
	 */
	public synchronized DeepSeekEmulator emulator() {
		if (this.emulator == null) {
			throw new IllegalStateException("The DeepSeek emulator runs only while a test runs");
		}
		return this.emulator;
	}

	@Override
	public synchronized void beforeAll(ExtensionContext context) {
		if (this.classDepth++ == 0) {
			this.emulator = this.builder.build().start();
		}
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (--this.classDepth == 0) {
			stop();
		}
	}

	@Override
	public synchronized void beforeEach(ExtensionContext context) {
		if (this.classDepth == 0) {
			this.emulator = this.builder.build().start();
		}
	}

	@Override
	public synchronized void afterEach(ExtensionContext context) {
		if (this.classDepth == 0) {
			stop();
		}
		else if (this.emulator != null) {
			this.emulator.reset();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == DeepSeekEmulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return emulator();
	}

	private void stop() {
		if (this.emulator != null) {
			this.emulator.close();
			this.emulator = null;
		}
	}

}
