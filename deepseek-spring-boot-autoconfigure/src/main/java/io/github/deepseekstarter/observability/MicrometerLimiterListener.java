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
import java.util.Locale;
import java.util.Objects;

import io.github.deepseekstarter.BudgetPeriod;
import io.github.deepseekstarter.limit.Admission;
import io.github.deepseekstarter.limit.LaneRejectedException;
import io.github.deepseekstarter.limit.LimiterListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records what the limiter does in Micrometer: the wait of every admitted request
 * ({@value DeepSeekMeterNames#QUEUE_WAIT}), the local rejections by reason
 * ({@value DeepSeekMeterNames#REJECTED}) and the requests abandoned while queued
 * ({@value DeepSeekMeterNames#ABANDONED}), each tagged with the lane.
 */
public final class MicrometerLimiterListener implements LimiterListener {

	/** Lanes are configured, so few; more are registered each time. */
	private static final int MAX_KEPT = 256;

	private final KeptMeters<String, Timer> queueWaits;

	private final KeptMeters<Rejection, Counter> rejections;

	private final KeptMeters<BudgetRejection, Counter> budgetRejections;

	private final KeptMeters<String, Counter> abandoned;

	/**
	 * Creates the listener.
	 * @param meters the registry of the meters
	 */
	public MicrometerLimiterListener(MeterRegistry meters) {
		Objects.requireNonNull(meters, "meters must not be null");
		this.queueWaits = KeptMeters.forgottenOnRemoval(meters, MAX_KEPT,
				(lane) -> Timer.builder(DeepSeekMeterNames.QUEUE_WAIT)
					.description("Time requests waited for a permit of their lane, zero when admitted at once")
					.tag(DeepSeekMeterNames.TAG_MODEL, lane)
					.register(meters));
		this.rejections = KeptMeters.forgottenOnRemoval(meters, MAX_KEPT,
				(rejection) -> Counter.builder(DeepSeekMeterNames.REJECTED)
					.description("Requests rejected locally, never sent to DeepSeek")
					.tag(DeepSeekMeterNames.TAG_MODEL, rejection.lane())
					.tag(DeepSeekMeterNames.TAG_REASON, rejection.reason().name().toLowerCase(Locale.ROOT))
					.register(meters));
		this.budgetRejections = KeptMeters.forgottenOnRemoval(meters, MAX_KEPT,
				(rejection) -> Counter.builder(DeepSeekMeterNames.BUDGET_REJECTIONS)
					.description("Requests rejected locally, never sent, because their tenant used up a token budget")
					.tag(DeepSeekMeterNames.TAG_MODEL, rejection.lane())
					.tag(DeepSeekMeterNames.TAG_PERIOD, rejection.period().name().toLowerCase(Locale.ROOT))
					.register(meters));
		this.abandoned = KeptMeters.forgottenOnRemoval(meters, MAX_KEPT,
				(lane) -> Counter.builder(DeepSeekMeterNames.ABANDONED)
					.description("Requests whose caller gave up while they waited for a permit")
					.tag(DeepSeekMeterNames.TAG_MODEL, lane)
					.register(meters));
	}

	@Override
	public void onAdmitted(String lane, Admission admission, Duration waited) {
		this.queueWaits.get(lane).record(waited);
	}

	@Override
	public void onRejected(String lane, Admission admission, LaneRejectedException.Reason reason) {
		this.rejections.get(new Rejection(lane, reason)).increment();
	}

	@Override
	public void onBudgetRejected(String lane, Admission admission, BudgetPeriod period) {
		this.budgetRejections.get(new BudgetRejection(lane, period)).increment();
	}

	@Override
	public void onAbandoned(String lane, Admission admission) {
		this.abandoned.get(lane).increment();
	}

	private record Rejection(String lane, LaneRejectedException.Reason reason) {
	}

	private record BudgetRejection(String lane, BudgetPeriod period) {
	}

}
