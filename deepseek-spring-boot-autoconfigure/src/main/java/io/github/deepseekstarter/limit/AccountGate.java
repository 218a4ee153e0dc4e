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

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * A lane's door to its {@link AccountPermits}: one attempt in flight at a time, and after
 * a refusal no new attempt until permits may have come back. Guarded by its lane.
 */
final class AccountGate {

	private final AccountPermits permits;

	private final Consumer<Boolean> lateAnswer;

	/** Whether the account refused a permit and no permit has come back since. */
	private boolean blocked;

	private boolean attempting;

	/** Whether permits came back while an attempt was in flight. */
	private boolean freedDuringAttempt;

	/**
	 * Creates the gate.
	 * @param permits the account permits
	 * @param lateAnswer takes the answer to an attempt the account did not answer at once
	 */
	AccountGate(AccountPermits permits, Consumer<Boolean> lateAnswer) {
		this.permits = permits;
		this.lateAnswer = lateAnswer;
	}

	boolean open() {
		return !this.blocked && !this.attempting;
	}

	/**
	 * Asks the account for a permit.
	 * @return the answer when the account gave it at once, {@code null} when it comes
	 * later through the late-answer callback
	 */
	@Nullable Boolean tryTake() {
		Boolean now = tryTakeNow();
		if (now != null) {
			return now;
		}
		Attempt attempt = new Attempt();
		this.permits.tryAcquire().subscribe(attempt);
		Boolean answer = attempt.answerNow();
		if (answer == null) {
			this.attempting = true;
			this.freedDuringAttempt = false;
		}
		else if (!answer) {
			this.blocked = true;
		}
		return answer;
	}

	/**
	 * Asks the account for a permit when it answers in the calling thread.
	 * @return the answer, or {@code null} when only {@link #tryTake()} can answer, and
	 * then nothing was asked
	 */
	@Nullable Boolean tryTakeNow() {
		Boolean answer = this.permits.tryAcquireNow();
		if (Boolean.FALSE.equals(answer)) {
			this.blocked = true;
		}
		return answer;
	}

	/**
	 * Records the late answer; a refusal is stale when permits came back meanwhile.
	 */
	void answered(boolean granted) {
		this.attempting = false;
		this.blocked = !granted && !this.freedDuringAttempt;
	}

	/**
	 * Records that permits may have come back, here or elsewhere.
	 */
	void freed() {
		this.blocked = false;
		this.freedDuringAttempt = true;
	}

	void release() {
		this.permits.release();
		freed();
	}

	void changeLimit(int limit) {
		this.permits.changeLimit(limit);
		freed();
	}

	/**
	 * One attempt's answer: kept when it arrives during the subscription, as
	 * {@code Mono.just} answers, else handed to the late-answer callback.
	 */
	private final class Attempt implements CoreSubscriber<Boolean> {

		private static final int SUBSCRIBING = 0;

		private static final int ANSWERED_AT_ONCE = 1;

		private static final int LATE = 2;

		private static final AtomicIntegerFieldUpdater<Attempt> PHASE = AtomicIntegerFieldUpdater
			.newUpdater(Attempt.class, "phase");

		private volatile int phase;

		private boolean granted;

		@Override
		public void onSubscribe(Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(Boolean granted) {
			this.granted = granted;
		}

		@Override
		public void onError(Throwable error) {
			this.granted = false;
			onComplete();
		}

		@Override
		public void onComplete() {
			if (!PHASE.compareAndSet(this, SUBSCRIBING, ANSWERED_AT_ONCE)) {
				AccountGate.this.lateAnswer.accept(this.granted);
			}
		}

		@Nullable Boolean answerNow() {
			return PHASE.compareAndSet(this, SUBSCRIBING, LATE) ? null : this.granted;
		}

	}

}
