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
import java.util.OptionalInt;

/**
 * The effective limit of one lane: lowered by DeepSeek's 429 answers, raised back by
 * successes (additive increase, multiplicative decrease) up to the configured limit, or
 * for a while only up to the limit a 429 named. Not thread-safe: its lane guards it.
 */
final class AdaptiveLimit {

	private final double decreaseFactor;

	private final int successesPerIncrease;

	private final long learntLimitTtlNanos;

	private int learntLimit = Integer.MAX_VALUE;

	private long learntAtNanos;

	private int configured;

	private int effective;

	private int successes;

	private int generation;

	/** The generation the last decrease started. */
	private int decreasedAt;

	AdaptiveLimit(int configured, double decreaseFactor, int successesPerIncrease, Duration learntLimitTtl) {
		this.configured = configured;
		this.effective = configured;
		this.decreaseFactor = decreaseFactor;
		this.successesPerIncrease = successesPerIncrease;
		this.learntLimitTtlNanos = learntLimitTtl.toNanos();
	}

	int configured() {
		return this.configured;
	}

	int effective() {
		return this.effective;
	}

	/**
	 * Returns the generation of permits granted now; it advances with every change of the
	 * effective limit, so that one burst of 429s answering permits granted before a
	 * decrease lowers the limit once, not once per request, and only permits granted at
	 * the current limit count towards an increase.
	 */
	int generation() {
		return this.generation;
	}

	boolean onServerLimit(OptionalInt limitFromMessage, int permitGeneration) {
		int next;
		if (limitFromMessage.isPresent()) {
			next = Math.max(1, Math.min(this.configured, limitFromMessage.getAsInt()));
			// The server said what the account can take: recovering past it would only
			// earn more 429s.
			this.learntLimit = next;
			this.learntAtNanos = System.nanoTime();
		}
		else {
			if (permitGeneration < this.decreasedAt) {
				return false;
			}
			next = Math.max(1, (int) (this.effective * this.decreaseFactor));
		}
		this.successes = 0;
		return set(next);
	}

	/**
	 * Counts a success towards the next increase when its permit was granted at the
	 * current limit: a success under a higher limit says nothing about the lower one.
	 */
	boolean onSuccess(int permitGeneration) {
		if (permitGeneration != this.generation || this.effective >= ceiling()
				|| ++this.successes < this.successesPerIncrease) {
			return false;
		}
		this.successes = 0;
		return set(this.effective + 1);
	}

	private int ceiling() {
		if (this.learntLimit < this.configured && System.nanoTime() - this.learntAtNanos < this.learntLimitTtlNanos) {
			return this.learntLimit;
		}
		return this.configured;
	}

	/**
	 * Returns how long a limit the server named caps the recovery.
	 */
	long learntLimitTtlNanos() {
		return this.learntLimitTtlNanos;
	}

	/**
	 * Adopts a limit another replica set (observed in the store the replicas share) as
	 * the effective one. Below the configured limit it also caps this replica's recovery
	 * for the learnt limit's time, as a limit a 429 named does: the replica that changed
	 * it leads its recovery, and the others follow what it stores.
	 */
	boolean observe(int limit) {
		int next = Math.max(1, limit);
		if (next == this.effective) {
			// This replica's own limit, or one it adopted already: nothing to follow.
			return false;
		}
		if (next < this.configured) {
			this.learntLimit = next;
			this.learntAtNanos = System.nanoTime();
		}
		this.successes = 0;
		return set(next);
	}

	boolean setConfigured(int limit) {
		boolean changed = limit != this.configured;
		this.configured = limit;
		this.learntLimit = Integer.MAX_VALUE;
		this.successes = 0;
		return set(limit) || changed;
	}

	private boolean set(int next) {
		if (next == this.effective) {
			return false;
		}
		this.generation++;
		if (next < this.effective) {
			this.decreasedAt = this.generation;
		}
		this.effective = next;
		return true;
	}

}
