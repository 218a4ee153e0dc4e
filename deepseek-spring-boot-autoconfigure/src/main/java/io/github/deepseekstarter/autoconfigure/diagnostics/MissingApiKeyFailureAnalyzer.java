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

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a missing {@code deepseek.api-key}: where the calls would have gone, how to
 * set the key, and how to run against the DeepSeek emulator without an account.
 */
class MissingApiKeyFailureAnalyzer extends DeepSeekPropertyValueFailureAnalyzer {

	private static final String API_KEY = "deepseek.api-key";

	private static final String DEFAULT_BASE_URL = "https://api.deepseek.com";

	private final @Nullable Environment environment;

	MissingApiKeyFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	boolean appliesTo(String property) {
		return API_KEY.equals(property);
	}

	@Override
	FailureAnalysis analyze(InvalidConfigurationPropertyValueException cause) {
		String baseUrl = (this.environment != null)
				? this.environment.getProperty("deepseek.base-url", DEFAULT_BASE_URL) : DEFAULT_BASE_URL;
		StringBuilder description = new StringBuilder("The DeepSeek API key is missing: " + API_KEY
				+ " is not set, and the DeepSeek client would call " + baseUrl + " without one.");
		if (isLoopback(baseUrl)) {
			description.append(" That address is on this machine; if it is the DeepSeek emulator, it still expects "
					+ "the key it was started with (sk-emulator by default).");
		}
		String action = "Set the DEEPSEEK_API_KEY environment variable (it binds to " + API_KEY
				+ ") to your DeepSeek API key, or set " + API_KEY + " from your secret store.\n"
				+ "To run without an account, use the DeepSeek emulator of deepseek-spring-boot-test: annotate Spring "
				+ "tests with @AutoConfigureDeepSeekEmulator, or start it standalone "
				+ "(io.github.deepseekstarter.test.emulator.DeepSeekEmulatorMain --port=8089) and set "
				+ "deepseek.base-url=http://127.0.0.1:8089 and " + API_KEY + "=sk-emulator.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

	private static boolean isLoopback(String baseUrl) {
		try {
			String host = URI.create(baseUrl).getHost();
			return host != null && ("localhost".equalsIgnoreCase(host) || isLoopbackAddress(host));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	// Only literal addresses are checked, so that analyzing a failure never waits on DNS.
	private static boolean isLoopbackAddress(String host) {
		String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (!literal.chars().allMatch((c) -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
			return false;
		}
		try {
			return InetAddress.getByName(literal).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
