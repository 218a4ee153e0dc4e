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

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * The queue timer of {@link LaneModelCheckingTests}: it keeps each waiter's timeout under
 * the slot of the request that armed it, on the acquiring thread, so that a test fires
 * one waiter's timeout exactly when it chooses.
 */
final class SlotTimer implements Scheduler {

	private final ThreadLocal<Integer> slot = new ThreadLocal<>();

	private final AtomicReferenceArray<Timeout> timeouts;

	SlotTimer(int slots) {
		this.timeouts = new AtomicReferenceArray<>(slots);
	}

	/**
	 * Runs an acquisition whose timeout, if it arms one, belongs to the given slot.
	 */
	void arming(int slot, Runnable acquisition) {
		this.slot.set(slot);
		try {
			acquisition.run();
		}
		finally {
			this.slot.remove();
		}
	}

	/**
	 * Fires the timeout of a slot's waiter, if it armed one that is still pending.
	 */
	void fire(int slot) {
		Timeout timeout = this.timeouts.get(slot);
		if (timeout != null) {
			timeout.run();
		}
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		Integer owner = this.slot.get();
		if (owner == null) {
			throw new IllegalStateException("A timeout was armed outside an acquisition");
		}
		Timeout timeout = new Timeout(task);
		this.timeouts.set(owner, timeout);
		return timeout;
	}

	@Override
	public Disposable schedule(Runnable task) {
		throw new UnsupportedOperationException("The lane only arms delayed timeouts");
	}

	@Override
	public Worker createWorker() {
		throw new UnsupportedOperationException("The lane only arms delayed timeouts");
	}

	private static final class Timeout implements Disposable, Runnable {

		private final AtomicBoolean done = new AtomicBoolean();

		private final Runnable task;

		Timeout(Runnable task) {
			this.task = task;
		}

		@Override
		public void run() {
			if (this.done.compareAndSet(false, true)) {
				this.task.run();
			}
		}

		@Override
		public void dispose() {
			this.done.set(true);
		}

		@Override
		public boolean isDisposed() {
			return this.done.get();
		}

	}

}
