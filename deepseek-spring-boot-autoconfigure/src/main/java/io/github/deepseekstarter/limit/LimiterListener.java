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
 * Callbacks on what the limiter does, for metrics. Implementations must be fast, must not
 * block and must not throw; they may run on any thread.
 */
public interface LimiterListener {

	/**
	 * A listener that does nothing.
	 */
	LimiterListener NONE = new LimiterListener() {
	};

	/**
	 * A request found its lane full and waits in the queue.
	 * @param lane the lane
	 * @param admission the request
	 */
	default void onQueued(String lane, Admission admission) {
	}

	/**
	 * A request got its permit.
	 * @param lane the lane that granted it
	 * @param admission the request
	 * @param waited how long it waited in the queue ({@link Duration#ZERO} if it did not)
	 */
	default void onAdmitted(String lane, Admission admission, Duration waited) {
	}

	/**
	 * A request was rejected without being sent.
	 * @param lane the lane
	 * @param admission the request
	 * @param reason the bound it hit
	 */
	default void onRejected(String lane, Admission admission, LaneRejectedException.Reason reason) {
	}

	/**
	 * A request was rejected without being sent because its tenant used up a token
	 * budget.
	 * @param lane the lane the request was for
	 * @param admission the request
	 * @param period the period whose budget is used up
	 */
	default void onBudgetRejected(String lane, Admission admission, BudgetPeriod period) {
	}

	/**
	 * A request was cancelled by its caller before it got a permit.
	 * @param lane the lane
	 * @param admission the request
	 */
	default void onAbandoned(String lane, Admission admission) {
	}

	/**
	 * A permit was released.
	 * @param lane the lane
	 * @param admission the request that held it
	 */
	default void onReleased(String lane, Admission admission) {
	}

	/**
	 * A lane's configured or effective limit changed.
	 * @param lane the lane
	 * @param configuredLimit the configured limit
	 * @param effectiveLimit the effective limit
	 */
	default void onLimitChanged(String lane, int configuredLimit, int effectiveLimit) {
	}

}
