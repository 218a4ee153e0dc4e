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
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.LimiterListener;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis killed under load and restarted empty: the outage policy holds while it is down,
 * requests in flight finish, and afterwards Redis holds exactly the live permits.
 */
@ExtendWith(BlockHoundInstalled.class)
class RedisOutageTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final Duration LEASE = Duration.ofSeconds(1);

	@RegisterExtension
	final RedisServerExtension redis = new RedisServerExtension();

	@Test
	void failClosedAdmitsNothingWhileRedisIsDownAndResumesOnRestart() throws Exception {
		RedisPermitsSettings settings = Replica.settings(LEASE, OutagePolicy.FAIL_CLOSED, 2);
		try (Replica a = new Replica(this.redis.port(), settings, 10);
				Replica b = new Replica(this.redis.port(), settings, 10)) {
			a.hold(3);
			b.hold(3);
			await().atMost(WAIT).until(() -> a.inUse() == 3 && b.inUse() == 3);
			this.redis.kill();
			a.hold(4);
			await().atMost(WAIT).until(() -> a.permits().state().mode() == RedisPermitsState.Mode.FAIL_CLOSED);
			assertThat(a.permits().state().lastError()).isNotBlank();
			a.complete(3);
			await().atMost(WAIT).until(() -> a.completed() == 3);
			await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> a.admitted() == 3 && a.queued() == 4);
			this.redis.start();
			await().atMost(WAIT).until(() -> a.inUse() == 4);
			assertThat(a.permits().state().mode()).isEqualTo(RedisPermitsState.Mode.REDIS);
			// b's requests ran through the outage; its heartbeat restores their leases.
			await().atMost(WAIT).until(() -> this.redis.liveLeases(a.leaseKey()) == 7);
			a.completeAll();
			b.completeAll();
			await().atMost(WAIT).until(() -> a.inUse() == 0 && b.inUse() == 0);
			await().atMost(WAIT).until(() -> this.redis.liveLeases(a.leaseKey()) == 0);
			assertThat(a.failed() + b.failed()).isZero();
		}
	}

	@Test
	void localShareAdmitsAtMostEachReplicasShareWhileRedisIsDownAndReconcilesOnRestart() throws Exception {
		RedisPermitsSettings settings = Replica.settings(LEASE, OutagePolicy.LOCAL_SHARE, 2);
		PeakInUse peakA = new PeakInUse();
		PeakInUse peakB = new PeakInUse();
		try (Replica a = new Replica(this.redis.port(), settings, 10, peakA);
				Replica b = new Replica(this.redis.port(), settings, 10, peakB)) {
			a.hold(3);
			b.hold(3);
			await().atMost(WAIT).until(() -> a.inUse() == 3 && b.inUse() == 3);
			this.redis.kill();
			peakA.reset();
			peakB.reset();
			a.hold(6);
			b.hold(6);
			await().atMost(WAIT).until(() -> a.inUse() == 5 && b.inUse() == 5);
			assertThat(a.permits().state().mode()).isEqualTo(RedisPermitsState.Mode.FALLBACK_LOCAL);
			// The requests admitted before the outage finish; their permits go to
			// waiters.
			a.complete(3);
			await().atMost(WAIT).until(() -> a.completed() == 3 && a.inUse() == 5 && a.queued() == 1);
			assertThat(peakA.peak()).isEqualTo(5);
			assertThat(peakB.peak()).isEqualTo(5);
			this.redis.start();
			await().atMost(WAIT)
				.until(() -> a.permits().state().mode() == RedisPermitsState.Mode.REDIS
						&& b.permits().state().mode() == RedisPermitsState.Mode.REDIS);
			// Every live permit, local ones included, is a lease again.
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.redis.liveLeases(a.leaseKey()))
					.as("a %d/%d, b %d/%d", a.inUse(), a.permits().inUse(Replica.LANE), b.inUse(),
							b.permits().inUse(Replica.LANE))
					.isEqualTo(10));
			assertThat(a.inUse() + b.inUse()).isEqualTo(10);
			assertThat(a.queued() + b.queued()).isEqualTo(1 + 4);
			a.completeAll();
			b.completeAll();
			await().atMost(WAIT).until(() -> a.completed() == 9 && b.completed() == 9);
			assertThat(a.inUse() + b.inUse()).isZero();
			assertThat(a.permits().inUse(Replica.LANE) + b.permits().inUse(Replica.LANE)).isZero();
			await().atMost(WAIT).until(() -> this.redis.liveLeases(a.leaseKey()) == 0);
		}
	}

	@Test
	void startsInTheOutagePolicyWhenRedisIsDownAndJoinsWhenItComesUp() throws Exception {
		this.redis.kill();
		RedisPermitsSettings settings = Replica.settings(LEASE, OutagePolicy.LOCAL_SHARE, 2);
		try (Replica a = new Replica(this.redis.port(), settings, 10)) {
			assertThat(a.permits().state().mode()).isEqualTo(RedisPermitsState.Mode.FALLBACK_LOCAL);
			a.hold(7);
			await().atMost(WAIT).until(() -> a.inUse() == 5 && a.queued() == 2);
			this.redis.start();
			await().atMost(WAIT).until(() -> this.redis.liveLeases(a.leaseKey()) == 7);
			assertThat(a.permits().state().mode()).isEqualTo(RedisPermitsState.Mode.REDIS);
			a.completeAll();
			await().atMost(WAIT).until(() -> a.completed() == 7 && this.redis.liveLeases(a.leaseKey()) == 0);
		}
	}

	/**
	 * The most permits a replica held at once since the last reset.
	 */
	static final class PeakInUse implements LimiterListener {

		private final AtomicInteger inUse = new AtomicInteger();

		private final AtomicInteger peak = new AtomicInteger();

		@Override
		public void onAdmitted(String lane, Admission admission, Duration waited) {
			int now = this.inUse.incrementAndGet();
			this.peak.accumulateAndGet(now, Math::max);
		}

		@Override
		public void onReleased(String lane, Admission admission) {
			this.inUse.decrementAndGet();
		}

		void reset() {
			this.peak.set(this.inUse.get());
		}

		int peak() {
			return this.peak.get();
		}

	}

}
