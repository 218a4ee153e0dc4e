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

import java.net.URI;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.github.deepseekstarter.DeepSeekModels;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Lane;
import io.github.deepseekstarter.test.emulator.Reply;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The {@code load} profile: calls DeepSeek as the users of {@code sample.users}, the
 * first users far more often than the last, faster than the lanes admit, so that queues
 * form, the emulator's lower limit answers 429, and the dashboard has something to show.
 * It runs only against an emulator: the in-process one, whose limits and token pace it
 * sets, or a standalone one on this machine (the {@code distributed} profile), started
 * with those limits.
 */
@Component
@Profile("load")
class TenantLoadGenerator implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TenantLoadGenerator.class);

	private static final String ANSWER = "Many tenants share one account, so every request waits for a permit "
			+ "of its model's lane and holds it until the last token of the answer has arrived, which is why "
			+ "this answer is long and slow enough for the queue to grow.";

	private final DeepSeekTemplate deepSeek;

	private final SampleProperties.Load load;

	private final List<String> users;

	private final @Nullable DeepSeekEmulator emulator;

	private final String baseUrl;

	private final AtomicLong failures = new AtomicLong();

	private volatile @Nullable Disposable traffic;

	TenantLoadGenerator(DeepSeekTemplate deepSeek, SampleProperties properties,
			ObjectProvider<DeepSeekEmulator> emulator, Environment environment) {
		this.deepSeek = deepSeek;
		this.load = properties.getLoad();
		this.users = List.copyOf(properties.getUsers().keySet());
		this.emulator = emulator.getIfAvailable();
		this.baseUrl = environment.getProperty("deepseek.base-url", "");
	}

	@Override
	public void start() {
		if (this.emulator != null) {
			this.emulator.setConcurrencyLimit(Lane.PRO, this.load.getEmulatorProLimit());
			this.emulator.setConcurrencyLimit(Lane.FLASH, this.load.getEmulatorFlashLimit());
			this.emulator.setTokenInterval(this.load.getEmulatorTokenInterval());
			this.emulator.setDefaultReply(Reply.content(ANSWER));
			logger.info("Simulating " + this.users.size() + " users against the emulator (limits: pro "
					+ this.load.getEmulatorProLimit() + ", flash " + this.load.getEmulatorFlashLimit() + ")");
		}
		else if (isLoopback(this.baseUrl)) {
			logger.info("Simulating " + this.users.size() + " users against the emulator at " + this.baseUrl
					+ " (its limits are the ones it was started with)");
		}
		else {
			// Never a load test of DeepSeek itself.
			logger.warn("The load profile only runs against an emulator; unset DEEPSEEK_API_KEY to use it");
			return;
		}
		this.traffic = Flux.interval(this.load.getPeriod())
			.onBackpressureDrop()
			.flatMap((tick) -> call(pickUser()), this.load.getMaxInFlight())
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable traffic = this.traffic;
		if (traffic != null) {
			traffic.dispose();
			this.traffic = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.traffic != null;
	}

	private static boolean isLoopback(String url) {
		String host = URI.create(url).getHost();
		return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
	}

	// The square skews the choice towards the first users, so that some tenants are
	// busier.
	private String pickUser() {
		double skewed = Math.pow(ThreadLocalRandom.current().nextDouble(), 2);
		return this.users.get((int) (skewed * this.users.size()));
	}

	private Mono<Void> call(String user) {
		String model = (ThreadLocalRandom.current().nextDouble() < this.load.getProShare()) ? DeepSeekModels.PRO
				: DeepSeekModels.FLASH;
		return this.deepSeek.chatStream(ChatCompletionRequest.of("Why is the queue moving?").withModel(model))
			.then()
			.contextWrite(ReactiveSecurityContextHolder
				.withAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of())))
			.onErrorResume((ex) -> {
				if (this.failures.incrementAndGet() % 100 == 1) {
					logger.info("Simulated calls failed so far: " + this.failures.get() + " (last: " + ex + ")");
				}
				return Mono.empty();
			});
	}

}
