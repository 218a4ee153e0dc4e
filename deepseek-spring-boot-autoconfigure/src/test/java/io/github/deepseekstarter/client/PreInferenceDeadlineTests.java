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

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.github.deepseekstarter.protocol.ResponseProgress;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pre-inference deadline's wheel: a stream that never starts fails when its time is
 * up, on a parallel thread and never on the wheel's own; streams that start leave no
 * deadline behind.
 */
class PreInferenceDeadlineTests {

	@Test
	void aStreamThatNeverStartsFailsOnAParallelThread() {
		ResponseProgress progress = new ResponseProgress();
		AtomicReference<String> thread = new AtomicReference<>();
		IllegalStateException expired = new IllegalStateException("expired");
		StepVerifier
			.create(Flux.<Integer>never()
				.transform(PreInferenceDeadline.of(Duration.ofMillis(200), progress, () -> expired))
				.doOnError((ex) -> thread.set(Thread.currentThread().getName())))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(expired))
			.verify(TIMEOUT);
		assertThat(thread.get()).startsWith("parallel-");
	}

	@Test
	void streamsThatStartLeaveNoDeadlineInTheWheel() {
		for (int i = 0; i < 1000; i++) {
			ResponseProgress progress = new ResponseProgress();
			StepVerifier
				.create(Flux.just(i)
					.transform(PreInferenceDeadline.of(Duration.ofMinutes(10), progress, IllegalStateException::new)))
				.expectNextCount(1)
				.expectComplete()
				.verify(TIMEOUT);
		}
		await().atMost(TIMEOUT).until(() -> PreInferenceDeadline.pending() == 0);
	}

}
