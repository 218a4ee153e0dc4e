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

package io.github.deepseekstarter.test.emulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a {@link DeepSeekEmulator} as a standalone process until it is killed, printing
 * {@code DeepSeek emulator listening on http://127.0.0.1:PORT} once it listens. From the
 * root of a fresh clone (no install needed): <pre class="code">
 * mvn -q -pl deepseek-spring-boot-test compile exec:java -Dexec.args="--port=8089"
 * </pre> Options, as {@code --name=value} arguments or {@code deepseek.emulator.name}
 * system properties: {@code port} (default 0, ephemeral), {@code api-key}
 * (comma-separated keys, default {@value DeepSeekEmulator#DEFAULT_API_KEY}),
 * {@code pro-limit}, {@code flash-limit}, {@code pro-capacity}, {@code flash-capacity},
 * and the durations {@code keep-alive}, {@code pre-inference-timeout},
 * {@code time-to-first-token}, {@code token-interval} (written {@code 250ms}, {@code 5s},
 * {@code 10m} or ISO-8601).
 */
public final class DeepSeekEmulatorMain {

	private static final String PROPERTY_PREFIX = "deepseek.emulator.";

	private DeepSeekEmulatorMain() {
	}

	/**
	 * Start the emulator and wait until the process is killed.
	 * @param args {@code --name=value} options
	 * @throws InterruptedException if the waiting main thread is interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		DeepSeekEmulator emulator = builder(options(args)).build().start();
		Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "deepseek-emulator-shutdown"));
		System.out.println("DeepSeek emulator listening on " + emulator.baseUrl());
		new CountDownLatch(1).await();
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter((name) -> name.startsWith(PROPERTY_PREFIX))
			.forEach((name) -> options.put(name.substring(PROPERTY_PREFIX.length()), System.getProperty(name)));
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Expected --name=value, got '" + arg + "'");
			}
			options.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		return options;
	}

	static DeepSeekEmulatorBuilder builder(Map<String, String> options) {
		DeepSeekEmulatorBuilder builder = DeepSeekEmulator.builder();
		apply(options, "port", Integer::parseInt, builder::port);
		apply(options, "api-key", (value) -> value.split(","), builder::apiKeys);
		apply(options, "pro-limit", Integer::parseInt, (limit) -> builder.concurrencyLimit(Lane.PRO, limit));
		apply(options, "flash-limit", Integer::parseInt, (limit) -> builder.concurrencyLimit(Lane.FLASH, limit));
		apply(options, "pro-capacity", Integer::parseInt, (cap) -> builder.inferenceCapacity(Lane.PRO, cap));
		apply(options, "flash-capacity", Integer::parseInt, (cap) -> builder.inferenceCapacity(Lane.FLASH, cap));
		apply(options, "keep-alive", DeepSeekEmulatorMain::duration, builder::keepAliveInterval);
		apply(options, "pre-inference-timeout", DeepSeekEmulatorMain::duration, builder::preInferenceTimeout);
		apply(options, "time-to-first-token", DeepSeekEmulatorMain::duration, builder::timeToFirstToken);
		apply(options, "token-interval", DeepSeekEmulatorMain::duration, builder::tokenInterval);
		return builder;
	}

	static Duration duration(String value) {
		String text = value.trim();
		if (text.startsWith("P") || text.startsWith("p")) {
			return Duration.parse(text);
		}
		if (text.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
		}
		if (text.endsWith("s")) {
			return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
		}
		if (text.endsWith("m")) {
			return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
		}
		return Duration.ofMillis(Long.parseLong(text));
	}

	private static <T> void apply(Map<String, String> options, String name, Function<String, T> parser,
			Consumer<T> setter) {
		String value = options.get(name);
		if (value != null) {
			setter.accept(parser.apply(value));
		}
	}

}
