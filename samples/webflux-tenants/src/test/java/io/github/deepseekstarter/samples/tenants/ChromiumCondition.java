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

package io.github.deepseekstarter.samples.tenants;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a browser test only where Chromium and its chromedriver are on the {@code PATH},
 * and skips it with the packages to install otherwise, unless the environment variable
 * {@value #REQUIRED} is {@code required}: then a missing browser fails the test, so a CI
 * run that installed Chromium can never skip it silently.
 */
final class ChromiumCondition implements ExecutionCondition {

	private static final Logger logger = LoggerFactory.getLogger(ChromiumCondition.class);

	static final String REQUIRED = "DEEPSEEK_BROWSER_TESTS";

	private static final String INSTALL = "Chromium and chromedriver are not on the PATH; install them to run "
			+ "the browser test (Debian: apt-get install chromium chromium-driver)";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (browser().isPresent() && driver().isPresent()) {
			return ConditionEvaluationResult.enabled("Chromium is on the PATH");
		}
		if ("required".equals(System.getenv(REQUIRED))) {
			return ConditionEvaluationResult.enabled(REQUIRED + "=required");
		}
		// Surefire's summary counts a skip without its reason: the log line says it.
		logger.warn("{} skipped: {}", context.getDisplayName(), INSTALL);
		return ConditionEvaluationResult.disabled(INSTALL);
	}

	/**
	 * Returns the Chromium binary on the {@code PATH}.
	 * @return its path
	 * @throws AssertionError naming the packages to install if there is none
	 */
	static Path requireBrowser() {
		return browser().orElseThrow(() -> new AssertionError(INSTALL));
	}

	/**
	 * Returns the chromedriver binary on the {@code PATH}.
	 * @return its path
	 * @throws AssertionError naming the packages to install if there is none
	 */
	static Path requireDriver() {
		return driver().orElseThrow(() -> new AssertionError(INSTALL));
	}

	private static Optional<Path> browser() {
		return onPath("chromium", "chromium-browser");
	}

	private static Optional<Path> driver() {
		return onPath("chromedriver");
	}

	private static Optional<Path> onPath(String... names) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Stream.of(path.split(File.pathSeparator))
			.filter((directory) -> !directory.isEmpty())
			.flatMap((directory) -> Stream.of(names).map((name) -> Path.of(directory, name)))
			.filter((candidate) -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
			.findFirst();
	}

}
