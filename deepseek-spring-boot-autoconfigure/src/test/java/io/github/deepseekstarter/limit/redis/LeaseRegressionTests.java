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

import io.github.deepseekstarter.actuate.RedisLeasesHealthIndicator;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The races and faults that once froze or split distributed lanes, each reproduced
 * against a real redis-server.
 */
@ExtendWith(BlockHoundInstalled.class)
class LeaseRegressionTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	/** Long enough that no heartbeat runs during a test: only the test's steps count. */
	private static final Duration LEASE = Duration.ofSeconds(60);

	@RegisterExtension
	final RedisServerExtension redis = new RedisServerExtension();

	@Test
	void aReleaseThatOvertakesAHeartbeatLeavesNoGraceNoGhostLeaseAndEveryLaneAdmitsAtOnce() throws Exception {
		RedisPermitsSettings settings = Replica.settings(LEASE, OutagePolicy.FAIL_CLOSED, 2);
		try (Replica a = new Replica(this.redis.port(), settings, 10);
				Replica b = new Replica(this.redis.port(), settings, 10)) {
			RedisLanePermits pro = (RedisLanePermits) a.permits().create("pro", 10, () -> {
			});
			String proKey = a.permits().leaseKey("pro");
			assertThat(pro.tryAcquire().block(WAIT)).isTrue();
			// The heartbeat is assembled while the lease is held, and sent after the
			// request that held it has ended.
			Mono<Boolean> heartbeat = pro.renew();
			pro.release();
			await().atMost(WAIT).until(() -> this.redis.liveLeases(proKey) == 0);
			heartbeat.block(WAIT);
			assertThat(this.redis.liveLeases(proKey)).as("ghost leases").isZero();
			assertThat(this.redis.command("EVAL \"return #redis.call('KEYS', '*grace*')\" 0")).as("grace keys")
				.isEqualTo(":0");
			a.hold(1);
			b.hold(1);
			await().atMost(WAIT).until(() -> a.inUse() == 1 && b.inUse() == 1);
			RedisLanePermits proOfB = (RedisLanePermits) b.permits().create("pro", 10, () -> {
			});
			assertThat(proOfB.tryAcquire().block(WAIT)).as("b's pro lane admits").isTrue();
			assertThat(pro.tryAcquire().block(WAIT)).as("a's pro lane admits").isTrue();
		}
	}

	@Test
	void aLimitChangedOnOneReplicaBindsTheOthersNextAcquisitions() throws Exception {
		RedisPermitsSettings settings = Replica.settings(LEASE, OutagePolicy.FAIL_CLOSED, 2);
		try (Replica a = new Replica(this.redis.port(), settings, 10);
				Replica b = new Replica(this.redis.port(), settings, 10)) {
			// What POST /actuator/deepseek does on the replica the load balancer picked.
			a.limiter().setLimit(Replica.LANE, 2);
			// The write is one round trip after the call returns: b's next acquisitions
			// are the ones after it.
			String limitKey = a.permits().limitKey(Replica.LANE);
			await().atMost(WAIT).until(() -> "2".equals(this.redis.bulk("GET " + limitKey)));
			b.hold(5);
			await().atMost(WAIT).until(() -> b.inUse() + b.queued() == 5);
			await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> b.inUse() <= 2);
			assertThat(b.inUse()).isEqualTo(2);
			assertThat(this.redis.liveLeases(b.leaseKey())).isEqualTo(2);
			// b's view of the shared limit is as old as its last round trip.
			assertThat(b.permits().sharedLimit(Replica.LANE)).hasValue(2);
			assertThat(b.permits().sharedLimits()).containsEntry(Replica.LANE, 2);
			a.limiter().setLimit(Replica.LANE, 4);
			await().atMost(WAIT).until(() -> b.inUse() == 4);
			b.completeAll();
			await().atMost(WAIT).until(() -> b.completed() == 5);
		}
	}

	@Test
	void aLimitChangedOnOneReplicaShowsInTheOthersSnapshotWithinOneHeartbeatAndIsNotWrittenBack() throws Exception {
		// A heartbeat every second; b makes no acquisition: only the announcement of the
		// change or b's heartbeat can tell it.
		RedisPermitsSettings settings = Replica.settings(Duration.ofSeconds(3), OutagePolicy.FAIL_CLOSED, 2);
		Duration heartbeat = settings.heartbeatInterval().plus(settings.commandTimeout().multipliedBy(2));
		try (Replica a = new Replica(this.redis.port(), settings, 10);
				Replica b = new Replica(this.redis.port(), settings, 10)) {
			String limitKey = a.permits().limitKey(Replica.LANE);
			a.limiter().setLimit(Replica.LANE, 4);
			await().atMost(heartbeat).until(() -> b.limiter().snapshot(Replica.LANE).effectiveLimit() == 4);
			assertThat(b.limiter().snapshot(Replica.LANE).configuredLimit()).isEqualTo(10);
			a.limiter().setLimit(Replica.LANE, 7);
			await().atMost(heartbeat).until(() -> b.limiter().snapshot(Replica.LANE).effectiveLimit() == 7);
			// b's view is not a change of its own: nothing it writes undoes a's limit.
			await().during(heartbeat)
				.atMost(heartbeat.multipliedBy(2))
				.until(() -> "7".equals(this.redis.bulk("GET " + limitKey))
						&& a.limiter().snapshot(Replica.LANE).effectiveLimit() == 7
						&& b.limiter().snapshot(Replica.LANE).effectiveLimit() == 7);
			// A limit stored without an announcement (as a heartbeat stores one after an
			// outage) reaches both lanes with their next heartbeat.
			assertThat(this.redis.command("SET " + limitKey + " 6 PX 60000")).isEqualTo("+OK");
			await().atMost(heartbeat)
				.until(() -> a.limiter().snapshot(Replica.LANE).effectiveLimit() == 6
						&& b.limiter().snapshot(Replica.LANE).effectiveLimit() == 6);
			b.hold(8);
			await().atMost(WAIT).until(() -> b.inUse() == 6 && b.queued() == 2);
			b.completeAll();
			await().atMost(WAIT).until(() -> b.completed() == 8);
		}
	}

	@Test
	void oneSlowReplyNeitherStopsGrantsUntilTheNextHeartbeatNorTakesTheStoreDown() throws Exception {
		RedisPermitsSettings settings = Replica.settings(LEASE, OutagePolicy.FAIL_CLOSED, 2);
		try (Replica a = new Replica(this.redis.port(), settings, 10)) {
			a.hold(1);
			await().atMost(WAIT).until(() -> a.inUse() == 1);
			// Redis holds every reply for twice the command timeout, once.
			assertThat(this.redis.command("CLIENT PAUSE 500 ALL")).isEqualTo("+OK");
			a.hold(1);
			await().atMost(WAIT).until(() -> a.inUse() == 2);
			assertThat(a.permits().state().mode()).isEqualTo(RedisPermitsState.Mode.REDIS);
			a.hold(1);
			await().atMost(WAIT).until(() -> a.inUse() == 3);
			a.completeAll();
			await().atMost(WAIT).until(() -> a.completed() == 3);
			assertThat(a.failed()).isZero();
		}
	}

	@Test
	void aRunOfFailuresOpensTheBreakerAndItsHalfOpenProbeReadmitsWithoutWaitingForAHeartbeat() throws Exception {
		RedisPermitsSettings settings = Replica.settings(LEASE, OutagePolicy.FAIL_CLOSED, 2);
		try (Replica a = new Replica(this.redis.port(), settings, 10)) {
			RedisLeasesHealthIndicator health = new RedisLeasesHealthIndicator(a.permits());
			a.hold(1);
			await().atMost(WAIT).until(() -> a.inUse() == 1);
			this.redis.pause();
			try {
				a.hold(2);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> a.permits().state().mode() == RedisPermitsState.Mode.FAIL_CLOSED);
				assertThat(a.permits().state().circuitBreaker()).isIn("OPEN", "HALF_OPEN");
				assertThat(health.health().block(WAIT).getStatus()).isEqualTo(Status.DOWN);
			}
			finally {
				this.redis.resume();
			}
			// The heartbeat is 20 s away: only the half-open probe can readmit this soon.
			await().atMost(WAIT).until(() -> a.inUse() == 3);
			assertThat(a.permits().state().mode()).isEqualTo(RedisPermitsState.Mode.REDIS);
			assertThat(a.permits().state().circuitBreaker()).isEqualTo("CLOSED");
			assertThat(health.health().block(WAIT).getStatus()).isEqualTo(Status.UP);
			a.completeAll();
			await().atMost(WAIT).until(() -> a.completed() == 3);
		}
	}

	@Test
	void everyScriptIsSentOnceAndThenRunByTheDigestRedisKnowsItBy() throws Exception {
		RedisPermitsSettings settings = Replica.settings(LEASE, OutagePolicy.FAIL_CLOSED, 2);
		try (Replica a = new Replica(this.redis.port(), settings, 10)) {
			RedisLanePermits pro = (RedisLanePermits) a.permits().create("pro", 10, () -> {
			});
			String proKey = a.permits().leaseKey("pro");
			assertThat(this.redis.command("CONFIG RESETSTAT")).isEqualTo("+OK");
			int rounds = 20;
			for (int i = 0; i < rounds; i++) {
				assertThat(pro.tryAcquire().block(WAIT)).isTrue();
				pro.release();
				await().atMost(WAIT).until(() -> this.redis.command("ZCARD " + proKey).equals(":0"));
			}
			String stats = this.redis.bulk("INFO commandstats");
			// A digest other than Redis's own would send the whole script every time.
			assertThat(calls(stats, "eval")).as("scripts sent whole").isLessThanOrEqualTo(2);
			assertThat(calls(stats, "evalsha")).as("scripts run by digest").isGreaterThanOrEqualTo(2L * rounds);
			assertThat(this.redis.command("SCRIPT FLUSH")).isEqualTo("+OK");
			assertThat(pro.tryAcquire().block(WAIT)).as("admits after Redis lost its scripts").isTrue();
			pro.release();
			await().atMost(WAIT).until(() -> this.redis.command("ZCARD " + proKey).equals(":0"));
		}
	}

	/** The number of calls of a command in the answer to {@code INFO commandstats}. */
	private static long calls(String stats, String command) {
		return stats.lines()
			.filter((line) -> line.startsWith("cmdstat_" + command + ":"))
			.map((line) -> line.substring(line.indexOf("calls=") + 6, line.indexOf(',', line.indexOf("calls="))))
			.mapToLong(Long::parseLong)
			.sum();
	}

}
