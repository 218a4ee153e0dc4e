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

package io.github.deepseekstarter.limit;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener that throws on every event changes nothing for the lanes.
 */
class ThrowingListenerTests {

	@Test
	void listenerThatThrowsNeitherStrandsPermitsNorStopsTheLane() {
		LimiterListener throwing = new LimiterListener() {

			@Override
			public void onQueued(String lane, Admission admission) {
				throw new IllegalStateException("queued");
			}

			@Override
			public void onAdmitted(String lane, Admission admission, Duration waited) {
				throw new IllegalStateException("admitted");
			}

			@Override
			public void onReleased(String lane, Admission admission) {
				throw new IllegalStateException("released");
			}

		};
		DeepSeekLimiter limiter = new DeepSeekLimiter(
				LimiterConfig.builder().clearModels().modelLimit("m", 2).maxWait(Duration.ofSeconds(10)).build(),
				BulkheadAccountPermits.factory(), throwing);
		Long completed = Flux.range(0, 50)
			.flatMap((i) -> limiter.withPermitMono(Admission.of("m", "t" + (i % 3)),
					(permit) -> Mono.delay(Duration.ofMillis(1)).thenReturn(1)), 50)
			.count()
			.block(Duration.ofSeconds(30));
		assertThat(completed).isEqualTo(50);
		assertThat(limiter.snapshot("m").inUse()).isZero();
		assertThat(limiter.snapshot("m").queued()).isZero();
	}

}
