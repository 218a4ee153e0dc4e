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

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import reactor.core.publisher.Mono;

/**
 * The local account permits of one lane: a Resilience4j semaphore {@link Bulkhead} with a
 * zero wait, since a positive wait parks the calling thread.
 * <p>
 * {@link Bulkhead#changeConfig(BulkheadConfig)} waits for the semaphore when the limit
 * drops below the permits in use, so a decrease is applied only as far as free permits
 * allow and the rest as permits come back.
 */
public final class BulkheadAccountPermits implements AccountPermits {

	private static final Mono<Boolean> GRANTED = Mono.just(Boolean.TRUE);

	private static final Mono<Boolean> REFUSED = Mono.just(Boolean.FALSE);

	private final Bulkhead bulkhead;

	private int target;

	/**
	 * Creates the permits of a lane.
	 * @param lane the lane name
	 * @param limit the initial limit
	 */
	public BulkheadAccountPermits(String lane, int limit) {
		this.bulkhead = Bulkhead.of(bulkheadName(lane), config(limit));
		this.target = limit;
	}

	/**
	 * Creates the permits of a lane, their bulkhead registered in a registry, so
	 * Resilience4j's metrics and tools see it beside the application's own bulkheads.
	 * @param lane the lane name
	 * @param limit the initial limit
	 * @param registry the registry, where a bulkhead of the same name is replaced
	 */
	public BulkheadAccountPermits(String lane, int limit, BulkheadRegistry registry) {
		String name = bulkheadName(lane);
		registry.remove(name);
		this.bulkhead = registry.bulkhead(name, config(limit));
		this.target = limit;
	}

	/**
	 * Returns a factory of local permits, the default one.
	 * @return the factory
	 */
	public static AccountPermitsFactory factory() {
		return (lane, limit, permitsFreed) -> new BulkheadAccountPermits(lane, limit);
	}

	/**
	 * Returns a factory of local permits whose bulkheads are registered in a registry.
	 * @param registry the registry
	 * @return the factory
	 */
	public static AccountPermitsFactory factory(BulkheadRegistry registry) {
		return (lane, limit, permitsFreed) -> new BulkheadAccountPermits(lane, limit, registry);
	}

	/**
	 * The name of a lane's bulkhead.
	 * @param lane the lane name
	 * @return {@code deepseek-} and the lane name
	 */
	public static String bulkheadName(String lane) {
		return "deepseek-" + lane;
	}

	/**
	 * Returns the bulkhead, for metrics.
	 * @return the bulkhead
	 */
	public Bulkhead bulkhead() {
		return this.bulkhead;
	}

	@Override
	public Mono<Boolean> tryAcquire() {
		return tryAcquireNow() ? GRANTED : REFUSED;
	}

	@Override
	public synchronized Boolean tryAcquireNow() {
		return this.bulkhead.tryAcquirePermission();
	}

	@Override
	public synchronized void release() {
		this.bulkhead.onComplete();
		if (this.target < this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls()) {
			applyTarget();
		}
	}

	@Override
	public synchronized void changeLimit(int limit) {
		this.target = limit;
		applyTarget();
	}

	private void applyTarget() {
		int current = this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
		int next = this.target;
		if (next < current) {
			// Only free permits may be taken away without waiting for the semaphore.
			int free = this.bulkhead.getMetrics().getAvailableConcurrentCalls();
			next = current - Math.min(current - next, free);
		}
		if (next != current) {
			this.bulkhead.changeConfig(config(next));
		}
	}

	private static BulkheadConfig config(int limit) {
		return BulkheadConfig.custom()
			.maxConcurrentCalls(limit)
			.maxWaitDuration(Duration.ZERO)
			.fairCallHandlingStrategyEnabled(false)
			.build();
	}

}
