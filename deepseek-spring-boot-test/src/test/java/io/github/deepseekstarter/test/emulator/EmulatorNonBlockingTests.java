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

package io.github.deepseekstarter.test.emulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockHound;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The emulator never blocks its event loops, so client tests guarded by BlockHound can
 * run it in the same JVM.
 */
class EmulatorNonBlockingTests {

	private static final List<Throwable> blockingCalls = new CopyOnWriteArrayList<>();

	private DeepSeekEmulator emulator;

	@BeforeAll
	static void installBlockHound() {
		BlockHound.install((builder) -> builder.blockingMethodCallback((method) -> {
			Error call = new Error(method + " on " + Thread.currentThread().getName());
			if (!idleWorker(call)) {
				blockingCalls.add(call);
			}
		}));
	}

	/**
	 * Scheduler workers that went idle before BlockHound was installed in this JVM park
	 * outside its allowances; they run no emulator code.
	 */
	private static boolean idleWorker(Error call) {
		return Arrays.stream(call.getStackTrace())
			.anyMatch((frame) -> frame.getClassName().endsWith("$DelayedWorkQueue")
					&& frame.getMethodName().equals("take"));
	}

	@BeforeEach
	void start() {
		blockingCalls.clear();
		Hooks.onErrorDropped((error) -> {
		});
		this.emulator = DeepSeekEmulator.builder()
			.inferenceCapacity(Lane.FLASH, 1)
			.keepAliveInterval(Duration.ofMillis(20))
			.preInferenceTimeout(Duration.ofMillis(200))
			.tokenInterval(Duration.ofMillis(1))
			.build()
			.start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
		Hooks.resetOnErrorDropped();
	}

	@Test
	void servesQueuedStreamedTimedOutAndFaultedRequestsWithoutBlocking() {
		WireClient client = WireClient.to(this.emulator);
		this.emulator.enqueueFault(Fault.stallAfterChunks(1));
		WireClient.Held held = client.hold("/chat/completions", WireClient.chat("deepseek-v4-flash", "hold", true));
		await().until(() -> !held.received().isEmpty());
		WireClient.Held timedOut = client.hold("/chat/completions",
				WireClient.chat("deepseek-v4-flash", "late", false));
		await().until(() -> this.emulator.stats(Lane.FLASH).queued() == 0 && !timedOut.received().isEmpty());
		held.release();
		assertThat(client.post("/chat/completions", WireClient.chat("deepseek-v4-flash", "hi", true)).body())
			.endsWith("data: [DONE]\n\n");
		assertThat(client
			.post("/anthropic/v1/messages",
					"{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":true,"
							+ "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
			.status()).isEqualTo(200);
		this.emulator.enqueueFault(Fault.closeAfterChunks(1));
		client.hold("/chat/completions", WireClient.chat("deepseek-v4-flash", "cut", true));
		await().until(() -> this.emulator.stats(Lane.FLASH).inFlight() == 0);

		assertThat(blockingCalls).isEmpty();
		Mono.fromCallable(() -> {
			Thread.sleep(1);
			return 1;
		}).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		assertThat(blockingCalls).as("the guard itself notices blocking").hasSize(1);
	}

}
