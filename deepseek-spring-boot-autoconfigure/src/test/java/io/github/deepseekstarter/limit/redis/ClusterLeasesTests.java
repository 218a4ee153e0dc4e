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

import io.github.deepseekstarter.limit.LimiterListener;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas sharing one lane through a real Redis Cluster of three masters.
 */
@ExtendWith(BlockHoundInstalled.class)
class ClusterLeasesTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	final RedisClusterExtension cluster = new RedisClusterExtension();

	@Test
	void replicasShareTheLimitOfALaneThroughACluster() throws Exception {
		RedisPermitsSettings settings = Replica.settings(Duration.ofSeconds(3), OutagePolicy.FAIL_CLOSED, 2);
		try (Replica a = new Replica(this.cluster.configuration(), settings, Replica.config(4), LimiterListener.NONE);
				Replica b = new Replica(this.cluster.configuration(), settings, Replica.config(4),
						LimiterListener.NONE)) {
			a.hold(3);
			b.hold(3);
			await().atMost(WAIT).until(() -> a.inUse() + b.inUse() == 4 && a.queued() + b.queued() == 2);
			assertThat(a.permits().state().mode()).isEqualTo(RedisPermitsState.Mode.REDIS);
			assertThat(this.cluster.nodeOf(a.leaseKey()).liveLeases(a.leaseKey())).isEqualTo(4);
			// A release on one replica reaches the other's waiters through the cluster.
			if (a.inUse() > 0) {
				a.complete(1);
			}
			else {
				b.complete(1);
			}
			await().atMost(WAIT).until(() -> a.inUse() + b.inUse() == 4 && a.queued() + b.queued() == 1);
			a.completeAll();
			b.completeAll();
			await().atMost(WAIT).until(() -> a.completed() + b.completed() == 6);
			await().atMost(WAIT).until(() -> this.cluster.nodeOf(a.leaseKey()).liveLeases(a.leaseKey()) == 0);
			assertThat(a.failed() + b.failed()).isZero();
		}
	}

}
