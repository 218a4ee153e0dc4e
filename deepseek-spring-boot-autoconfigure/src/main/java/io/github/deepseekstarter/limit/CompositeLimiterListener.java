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
import java.util.List;

import io.github.deepseekstarter.BudgetPeriod;

/**
 * Forwards every limiter event to several listeners, in order.
 */
public final class CompositeLimiterListener implements LimiterListener {

	private final List<LimiterListener> listeners;

	private CompositeLimiterListener(List<LimiterListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * A listener for the given ones: {@link LimiterListener#NONE} for none, the listener
	 * itself for one.
	 * @param listeners the listeners
	 * @return the listener to give the limiter
	 */
	public static LimiterListener of(List<? extends LimiterListener> listeners) {
		if (listeners.isEmpty()) {
			return LimiterListener.NONE;
		}
		return (listeners.size() == 1) ? listeners.get(0) : new CompositeLimiterListener(List.copyOf(listeners));
	}

	@Override
	public void onQueued(String lane, Admission admission) {
		this.listeners.forEach((listener) -> listener.onQueued(lane, admission));
	}

	@Override
	public void onAdmitted(String lane, Admission admission, Duration waited) {
		this.listeners.forEach((listener) -> listener.onAdmitted(lane, admission, waited));
	}

	@Override
	public void onRejected(String lane, Admission admission, LaneRejectedException.Reason reason) {
		this.listeners.forEach((listener) -> listener.onRejected(lane, admission, reason));
	}

	@Override
	public void onBudgetRejected(String lane, Admission admission, BudgetPeriod period) {
		this.listeners.forEach((listener) -> listener.onBudgetRejected(lane, admission, period));
	}

	@Override
	public void onAbandoned(String lane, Admission admission) {
		this.listeners.forEach((listener) -> listener.onAbandoned(lane, admission));
	}

	@Override
	public void onReleased(String lane, Admission admission) {
		this.listeners.forEach((listener) -> listener.onReleased(lane, admission));
	}

	@Override
	public void onLimitChanged(String lane, int configuredLimit, int effectiveLimit) {
		this.listeners.forEach((listener) -> listener.onLimitChanged(lane, configuredLimit, effectiveLimit));
	}

}
