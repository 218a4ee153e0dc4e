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

package io.github.deepseekstarter.limit.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.deepseekstarter.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekstarter.autoconfigure.DeepSeekRedisAutoConfiguration;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.LaneRejectedException;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.LimiterListener;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Lane;
import io.github.deepseekstarter.test.emulator.LaneStats;
import io.lettuce.core.resource.Delay;
import org.awaitility.core.ConditionTimeoutException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.awaitility.Awaitility.await;

/**
 * Three replicas, each an application context with its own Redis connections, offer three
 * times the account's limit to one emulator that enforces it, while Redis is paused
 * (SIGSTOP) for two seconds and resumed, killed and restarted (losing its data), and has
 * its script cache flushed. Every request completes or is rejected locally with a typed
 * reason; the figures of the run are returned for the test to assert and report.
 * <p>
 * {@code -Ddeepseek.chaos.rounds=N} repeats the faults N times (1 by default).
 */
final class Chaos {

	/** The account's limit at the emulator. */
	static final int LIMIT = 12;

	static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);

	/**
	 * Long enough that a lease outlives the pause, the heartbeat before it and the probe
	 * after it, so that no lease a request holds expires.
	 */
	static final Duration LEASE_TIME = Duration.ofSeconds(6);

	private static final Duration PAUSE = Duration.ofSeconds(2);

	private static final String LANE = LimiterConfig.FLASH;

	private final DeepSeekEmulator emulator;

	private final Target redis;

	Chaos(DeepSeekEmulator emulator, Target redis) {
		this.emulator = emulator;
		this.redis = redis;
	}

	static int rounds() {
		return Integer.getInteger("deepseek.chaos.rounds", 1);
	}

	Figures run() throws Exception {
		this.emulator.setConcurrencyLimit(Lane.FLASH, LIMIT);
		long start = System.nanoTime();
		List<Replica> replicas = new ArrayList<>();
		List<String> keys = this.emulator.apiKeys();
		try {
			for (int i = 0; i < 3; i++) {
				replicas
					.add(new Replica(i, this.emulator.baseUrl(), keys.get(i % keys.size()), this.redis.properties()));
			}
			String leaseKey = replicas.get(0).permits().leaseKey(LANE);
			replicas.forEach(Replica::offer);
			awaitAdmissions(replicas, System.nanoTime(), Duration.ofSeconds(10));
			steadyLoad(replicas);
			List<Duration> afterPause = new ArrayList<>();
			List<Duration> afterRestart = new ArrayList<>();
			List<Duration> afterFlush = new ArrayList<>();
			for (int round = 0; round < rounds(); round++) {
				this.redis.pause(leaseKey);
				// The fault lasts two seconds, whatever the replicas do meanwhile.
				Thread.sleep(PAUSE.toMillis());
				this.redis.resume(leaseKey);
				afterPause.add(awaitAdmissions(replicas, System.nanoTime(), LEASE_TIME));
				steadyLoad(replicas);
				this.redis.killAndRestart(leaseKey);
				afterRestart.add(awaitAdmissions(replicas, System.nanoTime(), LEASE_TIME));
				steadyLoad(replicas);
				this.redis.scriptFlush(leaseKey);
				afterFlush.add(awaitAdmissions(replicas, System.nanoTime(), LEASE_TIME));
				steadyLoad(replicas);
			}
			replicas.forEach(Replica::stopOffering);
			for (Replica replica : replicas) {
				replica.awaitDone();
			}
			LaneStats stats = this.emulator.stats(Lane.FLASH);
			Map<LaneRejectedException.Reason, Integer> rejected = new EnumMap<>(LaneRejectedException.Reason.class);
			List<Throwable> failures = new ArrayList<>();
			int completed = 0;
			int offered = 0;
			for (Replica replica : replicas) {
				completed += replica.completed.get();
				offered += replica.offered.get();
				replica.rejected.forEach((reason, count) -> rejected.merge(reason, count.get(), Integer::sum));
				failures.addAll(replica.failures);
			}
			return new Figures(offered, completed, rejected, failures, stats.rejected(), stats.peakInFlight(),
					afterPause, afterRestart, afterFlush, Duration.ofNanos(System.nanoTime() - start));
		}
		finally {
			replicas.forEach(Replica::close);
		}
	}

	/**
	 * Keeps the load on until the account's limit has been used ten times over.
	 */
	private void steadyLoad(List<Replica> replicas) {
		int before = completed(replicas);
		await("steady load").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> completed(replicas) >= before + 10 * LIMIT);
	}

	private static int completed(List<Replica> replicas) {
		return replicas.stream().mapToInt((replica) -> replica.completed.get()).sum();
	}

	/**
	 * Waits until every replica has admitted a request after the given instant, and
	 * returns how long the slowest took.
	 */
	private Duration awaitAdmissions(List<Replica> replicas, long since, Duration atMost) {
		try {
			await("every replica admitting again").atMost(atMost)
				.pollInterval(Duration.ofMillis(10))
				.until(() -> replicas.stream().allMatch((replica) -> replica.lastAdmission.get() > since));
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("Not every replica admitted again within " + atMost.toMillis() + " ms: "
					+ replicas.stream().map(Replica::describe).toList() + ", emulator "
					+ this.emulator.stats(Lane.FLASH), ex);
		}
		long slowest = replicas.stream().mapToLong((replica) -> replica.lastAdmission.get()).min().orElseThrow();
		return Duration.ofNanos(Math.max(0, slowest - since));
	}

	/**
	 * The Redis the replicas share, and the faults the run inflicts on it.
	 */
	interface Target {

		/** The Spring Boot properties that point a replica at it. */
		List<String> properties();

		/** Stops the server that holds a key (SIGSTOP). */
		void pause(String key) throws Exception;

		/** Lets it go on (SIGCONT). */
		void resume(String key) throws Exception;

		/** Kills the server that holds a key and starts it again, without its data. */
		void killAndRestart(String key) throws Exception;

		/** Flushes the script cache of the server that holds a key. */
		void scriptFlush(String key) throws Exception;

	}

	/**
	 * What a run measured.
	 *
	 * @param offered requests the replicas started
	 * @param completed requests that completed
	 * @param rejected requests rejected locally, by reason
	 * @param failures requests that ended otherwise
	 * @param server429s requests the emulator answered with 429
	 * @param peakInFlight the most requests in flight at the emulator at once
	 * @param afterPause per round, from SIGCONT until every replica admitted again
	 * @param afterRestart per round, from the restarted Redis answering until every
	 * replica admitted again
	 * @param afterFlush per round, from SCRIPT FLUSH until every replica admitted again
	 * @param duration the whole run
	 */
	record Figures(int offered, int completed, Map<LaneRejectedException.Reason, Integer> rejected,
			List<Throwable> failures, long server429s, int peakInFlight, List<Duration> afterPause,
			List<Duration> afterRestart, List<Duration> afterFlush, Duration duration) {

		@Override
		public String toString() {
			return "offered " + this.offered + ", completed " + this.completed + ", rejected locally " + this.rejected
					+ ", other failures " + this.failures.size() + ", server 429s " + this.server429s
					+ ", peak in flight " + this.peakInFlight + "/" + LIMIT + ", admitting again after SIGCONT "
					+ millis(this.afterPause) + ", after restart " + millis(this.afterRestart) + ", after SCRIPT FLUSH "
					+ millis(this.afterFlush) + ", run " + this.duration.toMillis() + " ms";
		}

		private static String millis(List<Duration> durations) {
			return durations.stream().map((duration) -> duration.toMillis() + " ms").toList().toString();
		}

	}

	/**
	 * One replica: an application context of its own, offering the account's limit.
	 */
	private static final class Replica implements AutoCloseable {

		private final ConfigurableApplicationContext context;

		private final DeepSeekTemplate template;

		private final AtomicBoolean offering = new AtomicBoolean(true);

		private final AtomicInteger offered = new AtomicInteger();

		private final AtomicInteger completed = new AtomicInteger();

		private final Map<LaneRejectedException.Reason, AtomicInteger> rejected = new ConcurrentHashMap<>();

		private final List<Throwable> failures = new CopyOnWriteArrayList<>();

		private final AtomicLong lastAdmission;

		private Mono<Void> load = Mono.empty();

		private Disposable running = () -> {
		};

		Replica(int index, String baseUrl, String apiKey, List<String> redis) {
			List<String> properties = new ArrayList<>(
					List.of("deepseek.base-url=" + baseUrl, "deepseek.api-key=" + apiKey, "deepseek.account=chaos",
							"deepseek.user-id.secret=chaos-secret-of-at-least-32-bytes",
							"deepseek.limits.models." + LANE + "=" + LIMIT, "deepseek.queue.max-wait=1s",
							"deepseek.retry.max-attempts=1", "deepseek.distributed.enabled=true",
							"deepseek.distributed.outage-policy=fail-closed",
							"deepseek.distributed.lease-time=" + LEASE_TIME.toMillis() + "ms",
							"deepseek.distributed.command-timeout=" + COMMAND_TIMEOUT.toMillis() + "ms",
							"deepseek.distributed.expected-replicas=3", "spring.data.redis.host=127.0.0.1"));
			properties.addAll(redis);
			this.context = new SpringApplicationBuilder(ReplicaApplication.class).web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.properties(properties.toArray(String[]::new))
				.properties("spring.application.name=replica-" + index)
				.run();
			this.template = this.context.getBean(DeepSeekTemplate.class);
			this.lastAdmission = this.context.getBean(Admissions.class).last;
		}

		String describe() {
			RedisAccountPermitsFactory permits = permits();
			return permits.state() + ", leases " + permits.inUse(LANE) + ", lane "
					+ this.context.getBean(io.github.deepseekstarter.limit.DeepSeekLimiter.class).snapshot(LANE)
					+ ", completed " + this.completed + ", rejected " + this.rejected + ", failures "
					+ this.failures.size() + ", admitted "
					+ Duration.ofNanos(System.nanoTime() - this.lastAdmission.get()).toMillis() + " ms ago";
		}

		RedisAccountPermitsFactory permits() {
			return this.context.getBean(RedisAccountPermitsFactory.class);
		}

		void offer() {
			this.load = Flux.range(0, Integer.MAX_VALUE)
				.takeWhile((i) -> this.offering.get())
				.flatMap(this::call, LIMIT)
				.then()
				.cache();
			this.running = this.load.subscribe();
		}

		private Mono<Void> call(int i) {
			this.offered.incrementAndGet();
			return this.template.chatStream(ChatCompletionRequest.of("chaos " + i))
				.then()
				.doOnSuccess((done) -> this.completed.incrementAndGet())
				.onErrorResume((ex) -> {
					if (ex instanceof LaneRejectedException rejection) {
						this.rejected.computeIfAbsent(rejection.reason(), (reason) -> new AtomicInteger())
							.incrementAndGet();
					}
					else {
						this.failures.add(ex);
					}
					return Mono.empty();
				});
		}

		void stopOffering() {
			this.offering.set(false);
		}

		void awaitDone() {
			this.load.block(Duration.ofSeconds(30));
		}

		@Override
		public void close() {
			this.running.dispose();
			BoundedClose.run("a chaos replica's context", this.context::close);
		}

	}

	/**
	 * A replica's application: the starter's auto-configurations and Spring Boot's Redis
	 * ones, reconnecting quickly after Redis restarts.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
			DeepSeekRedisAutoConfiguration.class, DeepSeekAutoConfiguration.class, WebClientAutoConfiguration.class })
	static class ReplicaApplication {

		@Bean
		ClientResourcesBuilderCustomizer quickReconnect() {
			return (builder) -> builder.reconnectDelay(Delay.constant(Duration.ofMillis(50)));
		}

		@Bean
		Admissions admissions() {
			return new Admissions();
		}

	}

	/**
	 * When the replica last admitted a request.
	 */
	static final class Admissions implements LimiterListener {

		final AtomicLong last = new AtomicLong();

		@Override
		public void onAdmitted(String lane, Admission admission, Duration waited) {
			this.last.set(System.nanoTime());
		}

	}

}
