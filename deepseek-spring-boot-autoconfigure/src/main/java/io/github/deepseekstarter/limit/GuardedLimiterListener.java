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

import io.github.deepseekstarter.BudgetPeriod;

/**
 * Shields the lanes from a listener that throws: a metrics failure must never leave a
 * permit held or a lane's grant loop stopped, so whatever a listener throws is dropped.
 */
final class GuardedLimiterListener implements LimiterListener {

	private final LimiterListener delegate;

	private GuardedLimiterListener(LimiterListener delegate) {
		this.delegate = delegate;
	}

	static LimiterListener of(LimiterListener listener) {
		return (listener == LimiterListener.NONE || listener instanceof GuardedLimiterListener) ? listener
				: new GuardedLimiterListener(listener);
	}

	@Override
	public void onQueued(String lane, Admission admission) {
		guard(() -> this.delegate.onQueued(lane, admission));
	}

	@Override
	public void onAdmitted(String lane, Admission admission, Duration waited) {
		guard(() -> this.delegate.onAdmitted(lane, admission, waited));
	}

	@Override
	public void onRejected(String lane, Admission admission, LaneRejectedException.Reason reason) {
		guard(() -> this.delegate.onRejected(lane, admission, reason));
	}

	@Override
	public void onBudgetRejected(String lane, Admission admission, BudgetPeriod period) {
		guard(() -> this.delegate.onBudgetRejected(lane, admission, period));
	}

	@Override
	public void onAbandoned(String lane, Admission admission) {
		guard(() -> this.delegate.onAbandoned(lane, admission));
	}

	@Override
	public void onReleased(String lane, Admission admission) {
		guard(() -> this.delegate.onReleased(lane, admission));
	}

	@Override
	public void onLimitChanged(String lane, int configuredLimit, int effectiveLimit) {
		guard(() -> this.delegate.onLimitChanged(lane, configuredLimit, effectiveLimit));
	}

	private static void guard(Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			// Dropped on purpose: see the class comment.
		}
	}

}
