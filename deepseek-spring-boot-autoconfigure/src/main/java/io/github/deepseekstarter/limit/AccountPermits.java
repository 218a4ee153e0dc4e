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

import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The source of one lane's account permits: DeepSeek counts concurrency per account, so
 * in distributed mode this is shared by every replica; locally it is a Resilience4j
 * bulkhead ({@link BulkheadAccountPermits}).
 * <p>
 * The limiter calls {@link #tryAcquire()} and {@link #changeLimit(int)}, and subscribes
 * to the attempt, while holding the lane's lock, so no method may block. An
 * implementation that answers at once returns {@link Mono#just(Object)}, whose answer the
 * limiter uses during the subscription; a remote one returns a deferred {@code Mono} that
 * answers later on another thread, and the limiter keeps at most one such attempt per
 * lane in flight. After a refusal the lane asks again only when a permit of its own is
 * released or when the implementation runs the {@code permitsFreed} callback it was
 * created with, so waiters are retried without polling.
 */
public interface AccountPermits {

	/**
	 * Tries to take one permit without waiting.
	 * @return a {@code Mono} emitting {@code true} when a permit was taken
	 */
	Mono<Boolean> tryAcquire();

	/**
	 * Tries to take one permit without waiting, when the implementation knows the answer
	 * in the calling thread, as local permits do: the lane then grants a free permit
	 * without subscribing to an attempt. The default knows no answer at once, takes
	 * nothing, and leaves the lane to {@link #tryAcquire()}.
	 * @return {@code true} when a permit was taken, {@code false} when none is free, or
	 * {@code null} when only {@link #tryAcquire()} can answer
	 */
	default @Nullable Boolean tryAcquireNow() {
		return null;
	}

	/**
	 * Gives back a permit taken by {@link #tryAcquire()}; remote implementations do it
	 * asynchronously.
	 */
	void release();

	/**
	 * Changes the number of permits; lowering it below the permits in use takes effect as
	 * they are released.
	 * @param limit the new limit, at least 1
	 */
	void changeLimit(int limit);

	/**
	 * Registers the lane's listener of limits observed elsewhere: an implementation whose
	 * limit is shared (Redis) calls it with the shared limit when a message it already
	 * receives (an acquisition's or a heartbeat's answer, another replica's announcement)
	 * carries one that differs from the last it reported, and never while it holds a lock
	 * of its own. The lane adopts it as its effective limit without calling
	 * {@link #changeLimit(int)} back, so an observed limit is never stored again as a
	 * change of this replica. The lane registers once, before its first
	 * {@link #tryAcquire()}. Local permits have no limit but their own: the default does
	 * nothing, which is what {@link BulkheadAccountPermits} does.
	 * @param listener takes the observed limit, at least 1
	 */
	default void onLimitObserved(IntConsumer listener) {
	}

}
