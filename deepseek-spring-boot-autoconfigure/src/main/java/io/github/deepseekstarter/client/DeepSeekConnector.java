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

package io.github.deepseekstarter.client;

import java.net.URI;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP plumbing under a {@link DeepSeekTemplate}: a dedicated Reactor Netty
 * connection pool sized to the account's limits (the shared default allows only 500
 * connections per host, too few for a 2500 lane) and a {@link WebClient} pointed at
 * DeepSeek.
 */
public final class DeepSeekConnector {

	/**
	 * DeepSeek's API.
	 */
	public static final URI DEFAULT_BASE_URL = URI.create("https://api.deepseek.com");

	public static final int DEFAULT_PENDING_ACQUIRE_MAX_COUNT = 1000;

	private static final String USER_AGENT = "deepseek-spring-boot-starter";

	public static final Duration DEFAULT_PENDING_ACQUIRE_TIMEOUT = Duration.ofSeconds(45);

	private DeepSeekConnector() {
	}

	/**
	 * A dedicated connection pool named {@code deepseek}.
	 * @param maxConnections the most connections open at once: at least the sum of the
	 * lanes' limits
	 * @param pendingAcquireMaxCount the most requests waiting for a connection
	 * @param pendingAcquireTimeout how long a request may wait for a connection
	 * @return the pool, to be disposed when the application stops
	 */
	public static ConnectionProvider connectionProvider(int maxConnections, int pendingAcquireMaxCount,
			Duration pendingAcquireTimeout) {
		return ConnectionProvider.builder("deepseek")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(pendingAcquireMaxCount)
			.pendingAcquireTimeout(pendingAcquireTimeout)
			.maxIdleTime(Duration.ofSeconds(30))
			.evictInBackground(Duration.ofSeconds(60))
			.build();
	}

	/**
	 * Configures a web client builder for DeepSeek: base URL, and a connector on the
	 * given pool that adds the Bearer authentication below the WebClient (so its filters,
	 * logs and exceptions never hold the key) and whose idle timeout counts keep-alives
	 * as activity.
	 * @param builder the builder to configure, typically a clone of Spring Boot's
	 * @param baseUrl DeepSeek's base URL
	 * @param apiKey the API key, sent only in the {@code Authorization} header
	 * @param connectionProvider the pool
	 * @param timeouts the connect and idle timeouts
	 * @return the same builder
	 */
	public static WebClient.Builder configure(WebClient.Builder builder, URI baseUrl, String apiKey,
			ConnectionProvider connectionProvider, DeepSeekTimeouts timeouts) {
		HttpClient httpClient = HttpClient.create(connectionProvider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
					(int) Math.min(Integer.MAX_VALUE, timeouts.connect().toMillis()))
			// An idle timeout between reads: keep-alive bytes reset it, so a queued
			// request is not cut.
			.responseTimeout(timeouts.idle())
			// The key is added below the WebClient, so that no filter, request log or
			// exception of the WebClient layer ever holds it. The user agent too: a
			// WebClient without default headers copies no header map per request, and
			// a User-Agent the application sets on the WebClient still replaces it.
			.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
				.set(HttpHeaders.USER_AGENT, USER_AGENT));
		// The base URL as a URI factory that expands each path once; a customizer that
		// points the client elsewhere sets its own uriBuilderFactory.
		return builder.uriBuilderFactory(new BaseUrlUriBuilderFactory(baseUrl))
			.clientConnector(new ReactorClientHttpConnector(httpClient));
	}

}
