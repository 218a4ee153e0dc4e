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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.DeepSeekEmulatorBuilder;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos run ({@link Chaos}) against one redis-server.
 */
@ExtendWith(BlockHoundInstalled.class)
class RedisChaosTests {

	@RegisterExtension
	final RedisServerExtension redis = new RedisServerExtension();

	@RegisterExtension
	final DeepSeekEmulatorExtension emulator = new DeepSeekEmulatorExtension(chaosEmulator());

	static DeepSeekEmulatorBuilder chaosEmulator() {
		return DeepSeekEmulator.builder()
			.apiKeys("sk-chaos-one", "sk-chaos-two", "sk-chaos-three")
			.timeToFirstToken(Duration.ofMillis(20))
			.tokenInterval(Duration.ofMillis(5))
			.keepAliveInterval(Duration.ofMillis(50))
			.defaultReply(Reply.content("a b c d e f g h"))
			.recordLimit(100);
	}

	@Test
	void threeReplicasUnderFaultsOfRedisNeverExceedTheAccountAndAdmitAgainWhenItAnswers() throws Exception {
		Chaos.Figures figures = new Chaos(this.emulator.emulator(), new Chaos.Target() {

			@Override
			public List<String> properties() {
				return List.of("spring.data.redis.port=" + RedisChaosTests.this.redis.port());
			}

			@Override
			public void pause(String key) throws Exception {
				RedisChaosTests.this.redis.pause();
			}

			@Override
			public void resume(String key) throws Exception {
				RedisChaosTests.this.redis.resume();
			}

			@Override
			public void killAndRestart(String key) throws Exception {
				RedisChaosTests.this.redis.kill();
				RedisChaosTests.this.redis.start();
			}

			@Override
			public void scriptFlush(String key) throws Exception {
				assertThat(RedisChaosTests.this.redis.command("SCRIPT FLUSH")).isEqualTo("+OK");
			}

		}).run();
		System.out.println("Chaos against one redis-server: " + figures);
		assertThatTheAccountHeld(figures);
	}

	private static String stackTrace(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		return trace.toString();
	}

	static void assertThatTheAccountHeld(Chaos.Figures figures) {
		assertThat(figures.server429s()).as("server 429s, %s", figures).isZero();
		assertThat(figures.peakInFlight()).as("peak in flight, %s", figures).isLessThanOrEqualTo(Chaos.LIMIT);
		// Each failure with its whole stack: a blocking call names its caller only deep
		// down.
		assertThat(figures.failures())
			.as(() -> "requests neither completed nor rejected locally:\n"
					+ figures.failures().stream().map(RedisChaosTests::stackTrace).collect(Collectors.joining("\n")))
			.isEmpty();
		int rejected = figures.rejected().values().stream().mapToInt(Integer::intValue).sum();
		assertThat(figures.completed() + rejected).isEqualTo(figures.offered());
		assertThat(figures.completed()).isPositive();
	}

}
