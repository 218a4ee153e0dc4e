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

package io.github.deepseekstarter.benchmarks.clients;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What every client under load is configured with, so that each gets the same chance:
 * where the server is, how many calls may be in flight at once and what to ask.
 *
 * @param baseUrl the server's base URL, without {@code /v1}
 * @param apiKey the API key to send
 * @param maxConcurrency the most calls in flight at once: connection pools and caller
 * threads are sized to it
 * @param prompt the user message of every request
 * @param maxTokens the {@code max_tokens} of every request
 * @param timeout how long one call may take before the client gives up
 * @param flashLimit the account's concurrency limit on flash, for a client that keeps to
 * it
 * @param proLimit the account's concurrency limit on pro, for a client that keeps to it
 */
public record ClientSettings(URI baseUrl, String apiKey, int maxConcurrency, String prompt, int maxTokens,
		Duration timeout, int flashLimit, int proLimit) {

	/**
	 * Settings with the harness's request: a short prompt and a short answer.
	 * @param baseUrl the server's base URL
	 * @param maxConcurrency the most calls in flight at once
	 * @param flashLimit the account's concurrency limit on flash
	 * @param proLimit the account's concurrency limit on pro
	 * @return the settings
	 */
	public static ClientSettings of(URI baseUrl, int maxConcurrency, int flashLimit, int proLimit) {
		return new ClientSettings(baseUrl, "sk-benchmark", maxConcurrency, "Say hello in one short sentence.", 32,
				Duration.ofMinutes(11), flashLimit, proLimit);
	}

	/**
	 * The request as prepared bytes, for the clients that send no JSON model of their
	 * own.
	 * @param model the model
	 * @param stream whether the call streams
	 * @return the JSON body
	 */
	public byte[] preparedBody(String model, boolean stream) {
		String json = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + this.prompt
				+ "\"}],\"max_tokens\":" + this.maxTokens + ",\"stream\":" + stream + "}";
		return json.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The base URL as text without a trailing slash.
	 * @return the base URL
	 */
	public String baseUrlText() {
		String url = this.baseUrl.toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
