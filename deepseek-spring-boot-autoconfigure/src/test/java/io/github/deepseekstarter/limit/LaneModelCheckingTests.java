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

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.github.deepseekstarter.TenantTerms;
import io.github.deepseekstarter.TokenBudget;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Checks a lane with Lincheck against {@link SequentialLane}, its sequential
 * specification, in model-checking mode (every interleaving the checker chooses, with the
 * trace of a failing one) and in stress mode (real threads). Each scenario runs up to two
 * requests first, then two or three threads of concurrent acquire, release, cancel,
 * timeout and limit change on a lane of limit 2 shared by two tenants, then looks at the
 * state of every request and of the lane. A state that no order of the operations
 * explains fails the test: a permit granted beyond the limit or lost, a free permit left
 * while a request waits, a cancelled or expired waiter granted, a tenant's waiters served
 * out of order, tenants not served in turn by their weights (2 and 1), a permit released
 * twice or never.
 * <p>
 * The budget is fixed so that {@code mvn verify} stays within tens of seconds; a long run
 * is {@code -Dlane.lincheck.scenarios=1000 -Dlane.lincheck.invocations=10000}.
 */
@Param(name = "slot", gen = IntGen.class, conf = "0:3")
@Param(name = "limit", gen = IntGen.class, conf = "1:3")
public class LaneModelCheckingTests {

	static final int SLOTS = 4;

	static final int INITIAL_LIMIT = 2;

	private static final Duration MAX_WAIT = Duration.ofMinutes(1);

	private static final int SCENARIOS = Integer.getInteger("lane.lincheck.scenarios", 10);

	private static final int INVOCATIONS = Integer.getInteger("lane.lincheck.invocations", 100);

	private final SlotTimer timer = new SlotTimer(SLOTS);

	private final AtomicInteger admitted = new AtomicInteger();

	private final AtomicInteger released = new AtomicInteger();

	private final DeepSeekLimiter limiter;

	private final AtomicReferenceArray<LaneRequest> requests = new AtomicReferenceArray<>(SLOTS);

	public LaneModelCheckingTests() {
		LimiterListener counting = new LimiterListener() {
			@Override
			public void onAdmitted(String lane, Admission admission, Duration waited) {
				LaneModelCheckingTests.this.admitted.incrementAndGet();
			}

			@Override
			public void onReleased(String lane, Admission admission) {
				LaneModelCheckingTests.this.released.incrementAndGet();
			}
		};
		this.limiter = new DeepSeekLimiter(LimiterConfig.builder()
			.clearModels()
			.modelLimit("m", INITIAL_LIMIT)
			.maxWait(MAX_WAIT)
			.maxIdleTenants(1)
			.build(), BulkheadAccountPermits.factory(), counting, this.timer);
	}

	@Operation
	public void acquire(@Param(name = "slot") int slot) {
		LaneRequest request = new LaneRequest();
		if (this.requests.compareAndSet(slot, null, request)) {
			this.timer.arming(slot, () -> request.start(this.limiter, admission(slot)));
		}
	}

	private static Admission admission(int slot) {
		String tenant = SequentialLane.tenant(slot);
		return Admission.of("m", tenant)
			.withTerms(new TenantTerms("tier", SequentialLane.weight(tenant), TokenBudget.UNLIMITED));
	}

	@Operation
	public void release(@Param(name = "slot") int slot) {
		LaneRequest request = this.requests.get(slot);
		if (request != null) {
			request.complete();
		}
	}

	@Operation
	public void cancel(@Param(name = "slot") int slot) {
		LaneRequest request = this.requests.get(slot);
		if (request != null) {
			request.cancel();
		}
	}

	@Operation
	public void timeout(@Param(name = "slot") int slot) {
		this.timer.fire(slot);
	}

	@Operation
	public void setLimit(@Param(name = "limit") int limit) {
		this.limiter.setLimit("m", limit);
	}

	@Operation
	public String state() {
		StringBuilder state = new StringBuilder();
		for (int slot = 0; slot < SLOTS; slot++) {
			LaneRequest request = this.requests.get(slot);
			state.append((request != null) ? request.status() : '-');
		}
		LaneSnapshot lane = this.limiter.snapshot("m");
		int held = this.admitted.get() - this.released.get();
		return state.append(" inUse=")
			.append(lane.inUse())
			.append(" queued=")
			.append(lane.queued())
			.append(" held=")
			.append(held)
			.append(" limit=")
			.append(lane.effectiveLimit())
			.toString();
	}

	@Test
	void modelChecking() {
		check(new ModelCheckingOptions().invocationsPerIteration(INVOCATIONS));
	}

	@Test
	void stress() {
		check(new StressOptions().invocationsPerIteration(INVOCATIONS));
	}

	private static <O extends Options<O, ?>> void check(O options) {
		options.iterations(0).sequentialSpecification(SequentialLane.class).minimizeFailedScenario(true);
		Random random = new Random(14);
		for (int i = 0; i < SCENARIOS; i++) {
			options.addCustomScenario(scenario(random));
		}
		options.check(LaneModelCheckingTests.class);
	}

	/**
	 * A scenario of two or three threads of up to three operations each, after up to two
	 * requests that already hold or wait, followed by a look at the final state.
	 */
	private static ExecutionScenario scenario(Random random) {
		List<Actor> initial = new ArrayList<>();
		for (int i = random.nextInt(3); i > 0; i--) {
			initial.add(actor("acquire", random.nextInt(SLOTS)));
		}
		List<List<Actor>> parallel = new ArrayList<>();
		int threads = 2 + random.nextInt(2);
		for (int thread = 0; thread < threads; thread++) {
			List<Actor> actors = new ArrayList<>();
			for (int i = 1 + random.nextInt(3); i > 0; i--) {
				actors.add(randomActor(random, thread, threads));
			}
			parallel.add(actors);
		}
		return new ExecutionScenario(initial, parallel, List.of(actor("state")), null);
	}

	/**
	 * Returns an operation of a thread; a slot is acquired only by the thread that owns
	 * it (slot modulo threads), so that the order of a tenant's requests is the order of
	 * their acquisitions in one thread.
	 */
	private static Actor randomActor(Random random, int thread, int threads) {
		return switch (random.nextInt(9)) {
			case 0, 1, 2, 3 -> actor("acquire", thread + threads * random.nextInt((SLOTS - 1 - thread) / threads + 1));
			case 4, 5 -> actor("release", random.nextInt(SLOTS));
			case 6 -> actor("cancel", random.nextInt(SLOTS));
			case 7 -> actor("timeout", random.nextInt(SLOTS));
			default -> actor("setLimit", 1 + random.nextInt(3));
		};
	}

	private static Actor actor(String operation, Object... arguments) {
		try {
			Method method = (arguments.length == 0) ? LaneModelCheckingTests.class.getMethod(operation)
					: LaneModelCheckingTests.class.getMethod(operation, int.class);
			return new Actor(method, List.of(arguments));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
