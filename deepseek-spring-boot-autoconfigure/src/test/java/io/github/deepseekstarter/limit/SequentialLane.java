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

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The sequential specification of a lane that {@link LaneModelCheckingTests} checks the
 * real one against: at most the limit granted, a free permit always goes to the queue
 * first, weighted round robin between tenants (a turn admits up to the tenant's weight:
 * {@code t0} weighs 2, {@code t1} 1) and first in first out within one, a cancelled or
 * expired waiter never granted, and a permit released once when its request ends.
 */
public final class SequentialLane {

	private final char[] status = new char[LaneModelCheckingTests.SLOTS];

	private final boolean[] endRequested = new boolean[LaneModelCheckingTests.SLOTS];

	private final Map<String, ArrayDeque<Integer>> waiting = new HashMap<>();

	private final ArrayDeque<String> ring = new ArrayDeque<>();

	private final Map<String, Integer> credit = new HashMap<>();

	private int limit = LaneModelCheckingTests.INITIAL_LIMIT;

	private int running;

	private int queued;

	public SequentialLane() {
		Arrays.fill(this.status, '-');
	}

	static String tenant(int slot) {
		return "t" + (slot % 2);
	}

	static int weight(String tenant) {
		return tenant.equals("t0") ? 2 : 1;
	}

	public void acquire(int slot) {
		if (this.status[slot] != '-') {
			return;
		}
		if (this.running < this.limit) {
			grant(slot);
		}
		else {
			this.status[slot] = 'W';
			this.queued++;
			String tenant = tenant(slot);
			ArrayDeque<Integer> queue = this.waiting.computeIfAbsent(tenant, (key) -> new ArrayDeque<>());
			if (queue.isEmpty()) {
				this.ring.addLast(tenant);
				this.credit.put(tenant, weight(tenant));
			}
			queue.addLast(slot);
		}
	}

	public void release(int slot) {
		if (this.status[slot] == 'R') {
			end(slot);
		}
		else if (this.status[slot] == 'W') {
			this.endRequested[slot] = true;
		}
	}

	public void cancel(int slot) {
		if (this.status[slot] == 'R') {
			end(slot);
		}
		else if (this.status[slot] == 'W') {
			remove(slot);
			this.status[slot] = 'D';
		}
	}

	public void timeout(int slot) {
		if (this.status[slot] == 'W') {
			remove(slot);
			this.status[slot] = 'X';
		}
	}

	public void setLimit(int limit) {
		this.limit = limit;
		drain();
	}

	public String state() {
		return new String(this.status) + " inUse=" + this.running + " queued=" + this.queued + " held=" + this.running
				+ " limit=" + this.limit;
	}

	private void grant(int slot) {
		if (this.endRequested[slot]) {
			// The request ends as soon as it starts, giving its permit back at once.
			this.status[slot] = 'D';
		}
		else {
			this.status[slot] = 'R';
			this.running++;
		}
	}

	private void end(int slot) {
		this.status[slot] = 'D';
		this.running--;
		drain();
	}

	private void remove(int slot) {
		String tenant = tenant(slot);
		ArrayDeque<Integer> queue = this.waiting.get(tenant);
		queue.remove(slot);
		this.queued--;
		if (queue.isEmpty()) {
			this.ring.remove(tenant);
		}
	}

	private void drain() {
		while (this.running < this.limit && !this.ring.isEmpty()) {
			String tenant = this.ring.peekFirst();
			ArrayDeque<Integer> queue = this.waiting.get(tenant);
			int slot = queue.pollFirst();
			this.queued--;
			int left = this.credit.get(tenant) - 1;
			if (queue.isEmpty()) {
				this.ring.pollFirst();
			}
			else if (left > 0) {
				this.credit.put(tenant, left);
			}
			else {
				this.ring.addLast(this.ring.pollFirst());
				this.credit.put(tenant, weight(tenant));
			}
			grant(slot);
		}
	}

}
