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

package io.github.deepseekstarter.observability;

import java.time.Duration;

import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.DeepSeekLimiter;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lane gauges follow the limiter's state as it changes.
 */
class DeepSeekLaneMetricsTests {

	private static final String FLASH = LimiterConfig.FLASH;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final DeepSeekLimiter limiter = new DeepSeekLimiter(
			LimiterConfig.builder().modelLimit(FLASH, 1).maxWait(Duration.ofSeconds(30)).build());

	@Test
	void gaugesShowPermitsInUseQueuedRequestsAndLimitsOfEveryLane() {
		new DeepSeekLaneMetrics(this.limiter).bindTo(this.meters);
		Disposable held = this.limiter.withPermit(Admission.of(FLASH), (permit) -> Flux.never()).subscribe();
		Disposable queued = this.limiter.withPermit(Admission.of(FLASH), (permit) -> Flux.never()).subscribe();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> gauge(DeepSeekMeterNames.QUEUE_SIZE, FLASH) == 1);
			assertThat(gauge(DeepSeekMeterNames.LANE_IN_USE, FLASH)).isEqualTo(1);
			assertThat(gauge(DeepSeekMeterNames.LANE_CONFIGURED_LIMIT, FLASH)).isEqualTo(1);
			this.limiter.setLimit(FLASH, 7);
			assertThat(gauge(DeepSeekMeterNames.LANE_CONFIGURED_LIMIT, FLASH)).isEqualTo(7);
			assertThat(gauge(DeepSeekMeterNames.LANE_EFFECTIVE_LIMIT, FLASH)).isEqualTo(7);
			await().atMost(Duration.ofSeconds(10)).until(() -> gauge(DeepSeekMeterNames.LANE_IN_USE, FLASH) == 2);
		}
		finally {
			held.dispose();
			queued.dispose();
		}
		assertThat(gauge(DeepSeekMeterNames.LANE_IN_USE, FLASH)).isZero();
		assertThat(this.meters.get(DeepSeekMeterNames.LANE_CONFIGURED_LIMIT).gauges())
			.extracting((gauge) -> gauge.getId().getTag("model"))
			.contains(FLASH, LimiterConfig.PRO, LimiterConfig.DEFAULT_LANE);
	}

	private double gauge(String name, String lane) {
		return this.meters.get(name).tag("model", lane).gauge().value();
	}

}
