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

import io.github.deepseekstarter.TenantTerms;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's permits and waiters in one lane. Guarded by its lane.
 */
final class TenantLane {

	private final String tenant;

	private final ArrayDeque<LaneWaiter> interactive = new ArrayDeque<>(4);

	private final ArrayDeque<LaneWaiter> background = new ArrayDeque<>(4);

	private boolean inInteractiveRing;

	private boolean inBackgroundRing;

	/** The admissions left in this tenant's current turn, per priority. */
	private int interactiveCredit;

	private int backgroundCredit;

	/** The terms of the tenant's latest request; {@code null} before its first. */
	private @Nullable TenantTerms terms;

	/** The index of the tenant's tier among the lane's reserved tiers, or -1. */
	private int reservedTier = -1;

	int inUse;

	/** The links of the registry's idle list, written by the registry only. */
	boolean listedIdle;

	@Nullable TenantLane olderIdle;

	@Nullable TenantLane youngerIdle;

	/** Whether the registry evicted this lane: it is never registered again. */
	boolean evicted;

	/** The limit DeepSeek put on this tenant's {@code user_id}, while it is fresh. */
	private int learntCap = Integer.MAX_VALUE;

	private long learntUntilNanos;

	TenantLane(String tenant) {
		this.tenant = tenant;
	}

	String tenant() {
		return this.tenant;
	}

	ArrayDeque<LaneWaiter> waiting(Priority priority) {
		return (priority == Priority.INTERACTIVE) ? this.interactive : this.background;
	}

	boolean inRing(Priority priority) {
		return (priority == Priority.INTERACTIVE) ? this.inInteractiveRing : this.inBackgroundRing;
	}

	void inRing(Priority priority, boolean inRing) {
		if (priority == Priority.INTERACTIVE) {
			this.inInteractiveRing = inRing;
		}
		else {
			this.inBackgroundRing = inRing;
		}
	}

	int credit(Priority priority) {
		return (priority == Priority.INTERACTIVE) ? this.interactiveCredit : this.backgroundCredit;
	}

	void credit(Priority priority, int credit) {
		if (priority == Priority.INTERACTIVE) {
			this.interactiveCredit = credit;
		}
		else {
			this.backgroundCredit = credit;
		}
	}

	/**
	 * Takes the terms of the tenant's latest request: its weight counts from its next
	 * turn, its tier for every permit it takes from now on.
	 */
	void terms(TenantTerms terms, int reservedTier) {
		this.terms = terms;
		this.reservedTier = reservedTier;
	}

	/**
	 * Returns whether the lane already took these terms (the same instance).
	 */
	boolean has(TenantTerms terms) {
		return this.terms == terms;
	}

	TenantTerms terms() {
		TenantTerms terms = this.terms;
		return (terms != null) ? terms : TenantTerms.DEFAULT;
	}

	int weight() {
		return terms().weight();
	}

	int reservedTier() {
		return this.reservedTier;
	}

	/**
	 * Caps this tenant at a limit DeepSeek named for its {@code user_id}, for a while.
	 */
	void learnCap(int cap, long ttlNanos) {
		this.learntCap = Math.max(1, cap);
		this.learntUntilNanos = System.nanoTime() + ttlNanos;
	}

	/**
	 * Returns whether the tenant may take one more permit under the configured cap (0 for
	 * none) and under the cap DeepSeek named, while it is fresh.
	 */
	boolean hasRoom(int configuredCap) {
		if (configuredCap != 0 && this.inUse >= configuredCap) {
			return false;
		}
		if (this.learntCap != Integer.MAX_VALUE && this.learntUntilNanos - System.nanoTime() <= 0) {
			this.learntCap = Integer.MAX_VALUE;
		}
		return this.inUse < this.learntCap;
	}

	int queued() {
		return this.interactive.size() + this.background.size();
	}

	boolean idle() {
		return this.inUse == 0 && this.interactive.isEmpty() && this.background.isEmpty();
	}

}
