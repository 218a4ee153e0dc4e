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

import java.util.List;
import java.util.stream.Collectors;

import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos run ({@link Chaos}) against a Redis Cluster of three masters: the faults hit
 * the master that serves the namespace's hash slot.
 */
@ExtendWith(BlockHoundInstalled.class)
class ClusterChaosTests {

	@RegisterExtension
	final RedisClusterExtension cluster = new RedisClusterExtension();

	@RegisterExtension
	final DeepSeekEmulatorExtension emulator = new DeepSeekEmulatorExtension(RedisChaosTests.chaosEmulator());

	@Test
	void threeReplicasUnderFaultsOfTheClusterNeverExceedTheAccountAndAdmitAgainWhenItAnswers() throws Exception {
		Chaos.Figures figures = new Chaos(this.emulator.emulator(), new Chaos.Target() {

			@Override
			public List<String> properties() {
				return List.of("spring.data.redis.cluster.nodes=" + ClusterChaosTests.this.cluster.nodes()
					.stream()
					.map((node) -> "127.0.0.1:" + node.port())
					.collect(Collectors.joining(",")));
			}

			@Override
			public void pause(String key) throws Exception {
				ClusterChaosTests.this.cluster.nodeOf(key).pause();
			}

			@Override
			public void resume(String key) throws Exception {
				ClusterChaosTests.this.cluster.nodeOf(key).resume();
			}

			@Override
			public void killAndRestart(String key) throws Exception {
				RedisServerExtension node = ClusterChaosTests.this.cluster.nodeOf(key);
				node.kill();
				node.start();
				ClusterChaosTests.this.cluster.awaitFormed();
			}

			@Override
			public void scriptFlush(String key) throws Exception {
				assertThat(ClusterChaosTests.this.cluster.nodeOf(key).command("SCRIPT FLUSH")).isEqualTo("+OK");
			}

		}).run();
		System.out.println("Chaos against a three-master Redis Cluster: " + figures);
		RedisChaosTests.assertThatTheAccountHeld(figures);
	}

}
