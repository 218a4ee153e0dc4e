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

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import reactor.core.publisher.Mono;

/**
 * A permit a lane granted: released exactly once, by compare-and-set, whichever of
 * completion, error and cancellation comes first.
 */
final class LanePermit implements Permit {

	private static final AtomicReferenceFieldUpdater<LanePermit, PermitState> STATE = AtomicReferenceFieldUpdater
		.newUpdater(LanePermit.class, PermitState.class, "state");

	private final ModelLane lane;

	private final Admission admission;

	private final String model;

	private final TenantLane tenant;

	private final int reservedTier;

	private final int generation;

	private volatile PermitState state = PermitState.GRANTED;

	LanePermit(ModelLane lane, Admission admission, String model, TenantLane tenant, int reservedTier, int generation) {
		this.lane = lane;
		this.admission = admission;
		this.model = model;
		this.tenant = tenant;
		this.reservedTier = reservedTier;
		this.generation = generation;
	}

	TenantLane tenant() {
		return this.tenant;
	}

	/**
	 * Returns the index of the reserved tier this permit counts against, or -1.
	 */
	int reservedTier() {
		return this.reservedTier;
	}

	void release() {
		if (STATE.compareAndSet(this, PermitState.GRANTED, PermitState.RELEASED)) {
			this.lane.release(this);
		}
	}

	/**
	 * Releases the permit as the asynchronous cleanup of {@code Flux.usingWhen} after
	 * completion or cancellation.
	 */
	Mono<Void> released() {
		release();
		return Mono.empty();
	}

	/**
	 * Releases the permit as the asynchronous cleanup of {@code Flux.usingWhen} after an
	 * error.
	 */
	Mono<Void> released(Throwable error) {
		return released();
	}

	@Override
	public String model() {
		return this.model;
	}

	@Override
	public String lane() {
		return this.lane.name();
	}

	@Override
	public Admission admission() {
		return this.admission;
	}

	@Override
	public void onServerLimit(OptionalInt limitFromMessage) {
		this.lane.onServerLimit(limitFromMessage, this.generation, this.tenant);
	}

	@Override
	public void onSuccess() {
		this.lane.onSuccess(this.generation);
	}

}
