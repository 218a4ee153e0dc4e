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

import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One admitted request's claim on a lane's inference capacity: granted at once or after
 * waiting in the lane's FIFO queue; finished or withdrawn exactly once.
 */
final class InferenceTicket {

	private static final int WAITING = 0;

	private static final int GRANTED = 1;

	private static final int DONE = 2;

	private final LaneState lane;

	private final AtomicInteger state = new AtomicInteger(WAITING);

	private final Sinks.One<Boolean> started = Sinks.one();

	InferenceTicket(LaneState lane) {
		this.lane = lane;
	}

	/**
	 * Move from waiting to granted; called by the lane under its lock.
	 * @return whether the ticket was still waiting
	 */
	boolean tryGrant() {
		return this.state.compareAndSet(WAITING, GRANTED);
	}

	/**
	 * Signal the waiter once the lane has released its lock.
	 */
	void signalStarted() {
		this.started.tryEmitValue(Boolean.TRUE);
	}

	boolean isGranted() {
		return this.state.get() == GRANTED;
	}

	/**
	 * Return a Mono that emits {@code true} once inference may start.
	 * @return the start signal
	 */
	Mono<Boolean> started() {
		return this.started.asMono();
	}

	/**
	 * Withdraw a waiting ticket.
	 * @return {@code true} if it was still waiting, {@code false} if it had been granted
	 * or released already
	 */
	boolean withdraw() {
		if (this.state.compareAndSet(WAITING, DONE)) {
			this.lane.removeWaiting(this);
			return true;
		}
		return false;
	}

	/**
	 * Give back the capacity (if granted) or the queue place (if waiting); idempotent.
	 */
	void release() {
		if (this.state.compareAndSet(GRANTED, DONE)) {
			this.lane.finishInference();
		}
		else if (this.state.compareAndSet(WAITING, DONE)) {
			this.lane.removeWaiting(this);
		}
	}

}
