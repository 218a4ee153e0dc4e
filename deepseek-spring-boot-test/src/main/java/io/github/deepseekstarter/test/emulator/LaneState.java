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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One lane's account-level concurrency (admission until the last byte) and its inference
 * capacity with the FIFO server queue in front of it.
 */
final class LaneState {

	private final Lane lane;

	private volatile int limit;

	/** Inference capacity; zero or less follows the limit. */
	private volatile int capacity;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	private final AtomicLong rejected = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	private final Map<String, Integer> perUser = new ConcurrentHashMap<>();

	private final ArrayDeque<InferenceTicket> waiting = new ArrayDeque<>();

	private int running;

	LaneState(Lane lane) {
		this.lane = lane;
		this.limit = lane.defaultLimit();
	}

	void setLimit(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("Concurrency limit must not be negative, was " + limit);
		}
		this.limit = limit;
		grantWaiting();
	}

	int limit() {
		return this.limit;
	}

	int capacity() {
		return this.capacity;
	}

	void setCapacity(int capacity) {
		this.capacity = capacity;
		grantWaiting();
	}

	/**
	 * Count a request and try to admit it under the lane limit and the per-user limit.
	 * @param userKey the request's user id, empty when it sent none
	 * @param userLimit the per-user limit, zero or less for none
	 * @return the admission, which the caller releases exactly once when admitted
	 */
	Admission admit(String userKey, int userLimit) {
		this.requests.incrementAndGet();
		int current = this.inFlight.incrementAndGet();
		int max = this.limit;
		if (current > max) {
			this.inFlight.decrementAndGet();
			this.rejected.incrementAndGet();
			return new Admission(this, userKey, false, current, max);
		}
		int user = this.perUser.merge(userKey, 1, Integer::sum);
		if (userLimit > 0 && user > userLimit) {
			decrementUser(userKey);
			this.inFlight.decrementAndGet();
			this.rejected.incrementAndGet();
			return new Admission(this, userKey, false, user, userLimit);
		}
		this.peak.accumulateAndGet(current, Math::max);
		return new Admission(this, userKey, true, current, max);
	}

	/**
	 * Count a request answered by an injected status fault.
	 * @param status the status served
	 */
	void countFaulted(int status) {
		this.requests.incrementAndGet();
		if (status == 429) {
			this.rejected.incrementAndGet();
		}
	}

	private void decrementUser(String userKey) {
		this.perUser.computeIfPresent(userKey, (key, count) -> (count <= 1) ? null : count - 1);
	}

	/**
	 * Ask for inference capacity: granted at once when free and nobody waits, else
	 * queued.
	 * @return the ticket
	 */
	InferenceTicket requestInference() {
		InferenceTicket ticket = new InferenceTicket(this);
		boolean granted;
		synchronized (this) {
			granted = this.waiting.isEmpty() && this.running < effectiveCapacity() && ticket.tryGrant();
			if (granted) {
				this.running++;
			}
			else {
				this.waiting.addLast(ticket);
			}
		}
		if (granted) {
			ticket.signalStarted();
		}
		return ticket;
	}

	void finishInference() {
		synchronized (this) {
			this.running--;
		}
		grantWaiting();
	}

	void removeWaiting(InferenceTicket ticket) {
		synchronized (this) {
			this.waiting.remove(ticket);
		}
	}

	private void grantWaiting() {
		List<InferenceTicket> granted = new ArrayList<>();
		synchronized (this) {
			while (this.running < effectiveCapacity() && !this.waiting.isEmpty()) {
				InferenceTicket next = this.waiting.pollFirst();
				if (next.tryGrant()) {
					this.running++;
					granted.add(next);
				}
			}
		}
		granted.forEach(InferenceTicket::signalStarted);
	}

	private int effectiveCapacity() {
		int configured = this.capacity;
		return (configured > 0) ? configured : this.limit;
	}

	LaneStats stats() {
		int queued;
		synchronized (this) {
			queued = this.waiting.size();
		}
		return new LaneStats(this.lane, this.limit, this.inFlight.get(), this.peak.get(), queued, this.rejected.get(),
				this.requests.get());
	}

	void resetCounters() {
		this.peak.set(this.inFlight.get());
		this.rejected.set(0);
		this.requests.set(0);
	}

	/**
	 * The outcome of {@link #admit}: when admitted, a slot to release once.
	 */
	static final class Admission {

		private final LaneState lane;

		private final String userKey;

		private final boolean admitted;

		private final int concurrency;

		private final int limit;

		private final AtomicBoolean released = new AtomicBoolean();

		Admission(LaneState lane, String userKey, boolean admitted, int concurrency, int limit) {
			this.lane = lane;
			this.userKey = userKey;
			this.admitted = admitted;
			this.concurrency = concurrency;
			this.limit = limit;
		}

		boolean admitted() {
			return this.admitted;
		}

		int concurrency() {
			return this.concurrency;
		}

		int limit() {
			return this.limit;
		}

		LaneState lane() {
			return this.lane;
		}

		void release() {
			if (this.admitted && this.released.compareAndSet(false, true)) {
				this.lane.decrementUser(this.userKey);
				this.lane.inFlight.decrementAndGet();
			}
		}

	}

}
