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

import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.limit.LimiterListener;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas sharing one lane through leases in a real Redis.
 */
@ExtendWith(BlockHoundInstalled.class)
class SharedLeasesTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@RegisterExtension
	final RedisServerExtension redis = new RedisServerExtension();

	@Test
	void replicasTogetherHoldNoMoreThanTheLaneLimitAndHandOverAsRequestsEnd() throws Exception {
		RedisPermitsSettings settings = Replica.settings(Duration.ofSeconds(10), OutagePolicy.FAIL_CLOSED, 2);
		try (Replica a = new Replica(this.redis.port(), settings, 10);
				Replica b = new Replica(this.redis.port(), settings, 10)) {
			a.hold(8);
			await().atMost(WAIT).until(() -> a.inUse() == 8);
			b.hold(8);
			await().atMost(WAIT).until(() -> b.inUse() == 2 && b.queued() == 6);
			assertThat(this.redis.liveLeases(a.leaseKey())).isEqualTo(10);
			// Pub/sub tells b at once: the heartbeat alone would take over three seconds.
			a.complete(5);
			await().atMost(Duration.ofSeconds(2)).until(() -> b.inUse() == 7 && b.queued() == 1);
			assertThat(a.inUse() + b.inUse()).isEqualTo(10);
			assertThat(this.redis.liveLeases(a.leaseKey())).isEqualTo(10);
			a.completeAll();
			b.completeAll();
			await().atMost(WAIT).until(() -> a.inUse() == 0 && b.inUse() == 0 && b.completed() == 8);
			await().atMost(WAIT).until(() -> this.redis.liveLeases(a.leaseKey()) == 0);
			assertThat(a.permits().state().mode()).isEqualTo(RedisPermitsState.Mode.REDIS);
		}
	}

	@Test
	void aStoppedReplicasLeasesAreReclaimedWithinTheLeaseTime() throws Exception {
		RedisPermitsSettings settings = Replica.settings(Duration.ofSeconds(1), OutagePolicy.FAIL_CLOSED, 2);
		try (Replica survivor = new Replica(this.redis.port(), settings, 5);
				Replica stopped = new Replica(this.redis.port(), settings, 5)) {
			stopped.hold(5);
			await().atMost(WAIT).until(() -> stopped.inUse() == 5);
			survivor.hold(5);
			await().atMost(WAIT).until(() -> survivor.queued() == 5);
			stopped.crash();
			// Expired after at most one lease time; found by the survivor's next
			// heartbeat.
			await().atMost(Duration.ofMillis(1000 + 333 + 700)).until(() -> survivor.inUse() == 5);
			assertThat(this.redis.liveLeases(survivor.leaseKey())).isEqualTo(5);
			survivor.completeAll();
			await().atMost(WAIT).until(() -> this.redis.liveLeases(survivor.leaseKey()) == 0);
		}
	}

	@Test
	void aLoweredLimitAppliesToTheSharedLane() throws Exception {
		RedisPermitsSettings settings = Replica.settings(Duration.ofSeconds(10), OutagePolicy.FAIL_CLOSED, 2);
		try (Replica a = new Replica(this.redis.port(), settings, 10);
				Replica b = new Replica(this.redis.port(), settings, 10)) {
			b.hold(4);
			await().atMost(WAIT).until(() -> b.inUse() == 4);
			a.limiter().setLimit(Replica.LANE, 5);
			a.hold(3);
			await().atMost(WAIT).until(() -> a.inUse() == 1 && a.queued() == 2);
			b.complete(2);
			await().atMost(WAIT).until(() -> a.inUse() == 3);
			assertThat(this.redis.liveLeases(a.leaseKey())).isEqualTo(5);
		}
	}

	@Test
	void leasesOfOneNamespaceNeverCountInAnother() throws Exception {
		RedisPermitsSettings one = Replica.settings(Duration.ofSeconds(10), OutagePolicy.FAIL_CLOSED, 1);
		RedisPermitsSettings other = new RedisPermitsSettings("test:other-account", one.leaseTime(),
				one.commandTimeout(), one.outagePolicy(), 1);
		try (Replica a = new Replica(this.redis.port(), one, 3); Replica b = new Replica(this.redis.port(), other, 3)) {
			a.hold(3);
			b.hold(3);
			await().atMost(WAIT).until(() -> a.inUse() == 3 && b.inUse() == 3);
			assertThat(a.leaseKey()).isNotEqualTo(b.leaseKey());
		}
	}

	@Test
	void requestAllowingOverflowTakesAnOverflowLeaseWhenAnotherReplicaHoldsItsLane() throws Exception {
		RedisPermitsSettings settings = Replica.settings(Duration.ofSeconds(10), OutagePolicy.FAIL_CLOSED, 2);
		LimiterConfig config = LimiterConfig.builder()
			.modelLimit(LimiterConfig.PRO, 1)
			.modelLimit(LimiterConfig.FLASH, 1)
			.maxWait(Duration.ofSeconds(30))
			.build();
		try (Replica a = new Replica(this.redis.port(), settings, config, LimiterListener.NONE);
				Replica b = new Replica(this.redis.port(), settings, config, LimiterListener.NONE)) {
			b.hold(Admission.of(LimiterConfig.PRO), 1);
			await().atMost(WAIT).until(() -> b.inUse(LimiterConfig.PRO) == 1);
			a.hold(Admission.of(LimiterConfig.PRO).allowingOverflow(), 1);
			await().atMost(WAIT).until(() -> a.inUse(LimiterConfig.FLASH) == 1);
			assertThat(a.grantedLanes()).containsExactly(LimiterConfig.FLASH);
			assertThat(this.redis.liveLeases(a.leaseKey(LimiterConfig.FLASH))).isOne();
			a.hold(Admission.of(LimiterConfig.PRO), 1);
			await().atMost(WAIT).until(() -> a.queued(LimiterConfig.PRO) == 1);
			a.hold(Admission.of(LimiterConfig.PRO).allowingOverflow(), 1);
			await().atMost(WAIT).until(() -> a.queued(LimiterConfig.PRO) == 2);
			assertThat(a.inUse(LimiterConfig.PRO)).isZero();
			b.complete(1);
			await().atMost(WAIT).until(() -> a.inUse(LimiterConfig.PRO) == 1 && a.queued(LimiterConfig.PRO) == 1);
			assertThat(a.grantedLanes()).containsExactly(LimiterConfig.FLASH, LimiterConfig.PRO);
			assertThat(this.redis.liveLeases(a.leaseKey(LimiterConfig.PRO))).isOne();
			a.completeAll();
			b.completeAll();
			await().atMost(WAIT)
				.until(() -> this.redis.liveLeases(a.leaseKey(LimiterConfig.PRO)) == 0
						&& this.redis.liveLeases(a.leaseKey(LimiterConfig.FLASH)) == 0);
		}
	}

}
