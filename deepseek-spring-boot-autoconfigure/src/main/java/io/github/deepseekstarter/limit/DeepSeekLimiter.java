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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.github.deepseekstarter.InvalidSettingException;
import io.github.deepseekstarter.TenantTerms;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps requests to DeepSeek within the account's concurrency limits: one lane of permits
 * per model, a per-tenant cap inside each lane, and a queue in front of each lane that is
 * bounded, fair across tenants and never blocks a thread.
 * <p>
 * A request holds its permit from the subscription of its body until the body completes,
 * errors or is cancelled, as DeepSeek counts a request until its response (a whole
 * stream) is complete.
 */
public final class DeepSeekLimiter {

	private final LimiterConfig config;

	private final LimiterListener listener;

	private final Map<String, ModelLane> lanes = new LinkedHashMap<>();

	private final Map<String, ModelLane> lanesByModel = new HashMap<>();

	private final Map<ModelLane, ModelLane> overflow = new HashMap<>();

	private final ModelLane defaultLane;

	private final TokenBudgets budgets;

	private final TokenCharge charge;

	/**
	 * Creates a limiter with local account permits and no listener.
	 * @param config the limits
	 */
	public DeepSeekLimiter(LimiterConfig config) {
		this(config, BulkheadAccountPermits.factory(), LimiterListener.NONE);
	}

	/**
	 * Creates a limiter.
	 * @param config the limits
	 * @param permits the source of account permits, local or shared across replicas
	 * @param listener the listener for metrics
	 */
	public DeepSeekLimiter(LimiterConfig config, AccountPermitsFactory permits, LimiterListener listener) {
		this(config, permits, listener, TokenBudgets.NONE, TokenCharge.FULL);
	}

	/**
	 * Creates a limiter that also holds tenants to their token budgets.
	 * @param config the limits
	 * @param permits the source of account permits, local or shared across replicas
	 * @param listener the listener for metrics
	 * @param budgets where tenants' token use is counted, local or shared across replicas
	 * @param charge how many budget tokens a call's usage costs
	 */
	public DeepSeekLimiter(LimiterConfig config, AccountPermitsFactory permits, LimiterListener listener,
			TokenBudgets budgets, TokenCharge charge) {
		this(config, permits, listener, Schedulers.parallel(), budgets, charge);
	}

	/**
	 * Creates a limiter whose queue timeouts run on the given scheduler, so that tests
	 * can drive them.
	 */
	DeepSeekLimiter(LimiterConfig config, AccountPermitsFactory permits, LimiterListener listener, Scheduler timer) {
		this(config, permits, listener, timer, TokenBudgets.NONE, TokenCharge.FULL);
	}

	private DeepSeekLimiter(LimiterConfig config, AccountPermitsFactory permits, LimiterListener listener,
			Scheduler timer, TokenBudgets budgets, TokenCharge charge) {
		this.config = Objects.requireNonNull(config, "config must not be null");
		this.budgets = Objects.requireNonNull(budgets, "budgets must not be null");
		this.charge = Objects.requireNonNull(charge, "charge must not be null");
		Objects.requireNonNull(listener, "listener must not be null");
		this.listener = GuardedLimiterListener.of(listener);
		config.modelLimits()
			.forEach((name, limit) -> this.lanes.put(name,
					new ModelLane(name, limit, config, permits, this.listener, timer)));
		this.defaultLane = new ModelLane(LimiterConfig.DEFAULT_LANE, config.defaultLimit(), config, permits,
				this.listener, timer);
		this.lanes.put(LimiterConfig.DEFAULT_LANE, this.defaultLane);
		config.lanesByModel().forEach((model, lane) -> this.lanesByModel.put(model, this.lanes.get(lane)));
		config.overflow().forEach((from, to) -> this.overflow.put(this.lanes.get(from), this.lanes.get(to)));
	}

	/**
	 * Runs a body while holding a permit of the admission's lane and tenant. Each
	 * subscription waits for its own permit (without blocking), subscribes the body once
	 * it has one, and releases it exactly once when the body completes, errors or is
	 * cancelled. A request that cannot get a permit within the queue's bounds fails with
	 * {@link LaneRejectedException}, and one whose tenant used up a token budget with
	 * {@link TokenBudgetExceededException}; then its body never runs.
	 * @param <T> the type of the elements
	 * @param admission what the request asks for
	 * @param body the request, given the permit it runs under
	 * @return the body's elements
	 */
	public <T> Flux<T> withPermit(Admission admission, Function<Permit, ? extends Publisher<T>> body) {
		Objects.requireNonNull(admission, "admission must not be null");
		Objects.requireNonNull(body, "body must not be null");
		ModelLane lane = lane(admission.model());
		if (!admission.terms().budget().limited()) {
			return Flux.defer(() -> Flux.usingWhen(acquire(admission, lane), body, LanePermit::released,
					LanePermit::released, LanePermit::released));
		}
		String tenant = tenantKey(admission);
		return checkBudget(admission, lane, tenant).thenMany(Flux
			.defer(() -> Flux.usingWhen(acquire(admission, lane), (granted) -> body.apply(budgeted(granted, tenant)),
					LanePermit::released, LanePermit::released, LanePermit::released)));
	}

	private Mono<Void> checkBudget(Admission admission, ModelLane lane, String tenant) {
		TenantTerms terms = admission.terms();
		return Mono.defer(() -> this.budgets.check(tenant, terms.tier(), terms.budget()))
			.doOnError(TokenBudgetExceededException.class,
					(ex) -> this.listener.onBudgetRejected(lane.name(), admission, ex.period()));
	}

	private Permit budgeted(LanePermit permit, String tenant) {
		return new BudgetedPermit(permit, this.budgets, this.charge, tenant);
	}

	/**
	 * Returns what a tenant used of its token budget, as this process knows it.
	 * @param tenant the tenant ({@code user_id})
	 * @param terms the tenant's terms
	 * @return the use
	 */
	public BudgetUse budgetUse(String tenant, TenantTerms terms) {
		return terms.budget().limited() ? this.budgets.use(tenant, terms.budget()) : BudgetUse.NONE;
	}

	private TenantTerms tenantTerms(TenantUsage usage) {
		return lane(usage.lane()).termsOf(usage.tenant());
	}

	private static String tenantKey(Admission admission) {
		String tenant = admission.tenant();
		return (tenant != null) ? tenant : "";
	}

	/**
	 * Acquires a permit for one subscription, in the subscribing thread. A permit the
	 * lane grants at once (nobody waits and it has room) is ready, and {@code usingWhen}
	 * takes it without subscribing to it; else the request waits. With an overflow lane
	 * the request first tries its own lane and then the overflow lane without waiting,
	 * since overflow only helps when its own lane would make it wait; then it waits in
	 * its own lane's queue. The attempts count towards the maximum wait.
	 */
	private Mono<LanePermit> acquire(Admission admission, ModelLane lane) {
		Duration maxWait = this.config.maxWait();
		ModelLane overflow = admission.allowOverflow() ? this.overflow.get(lane) : null;
		if (overflow == null) {
			LanePermit now = lane.grantAtOnce(admission, admission.model(), Duration.ZERO);
			return (now != null) ? LaneAcquisition.granted(now)
					: LaneAcquisition.of(lane, admission, admission.model(), maxWait);
		}
		long start = System.nanoTime();
		return LaneAcquisition.of(lane, admission, admission.model(), start, null)
			.switchIfEmpty(LaneAcquisition.of(overflow, admission, overflow.name(), start, null))
			.switchIfEmpty(LaneAcquisition.of(lane, admission, admission.model(), start, maxWait));
	}

	/**
	 * Runs a single-valued body while holding a permit, as
	 * {@link #withPermit(Admission, Function)} does.
	 * @param <T> the type of the value
	 * @param admission what the request asks for
	 * @param body the request, given the permit it runs under
	 * @return the body's value
	 */
	public <T> Mono<T> withPermitMono(Admission admission, Function<Permit, ? extends Mono<T>> body) {
		Objects.requireNonNull(admission, "admission must not be null");
		Objects.requireNonNull(body, "body must not be null");
		ModelLane lane = lane(admission.model());
		if (!admission.terms().budget().limited()) {
			return Mono.defer(() -> Mono.usingWhen(acquire(admission, lane), body, LanePermit::released,
					LanePermit::released, LanePermit::released));
		}
		String tenant = tenantKey(admission);
		return checkBudget(admission, lane, tenant).then(Mono
			.defer(() -> Mono.usingWhen(acquire(admission, lane), (granted) -> body.apply(budgeted(granted, tenant)),
					LanePermit::released, LanePermit::released, LanePermit::released)));
	}

	/**
	 * Returns the name of the lane a model runs in.
	 * @param model the model
	 * @return the lane name
	 */
	public String laneOf(String model) {
		return lane(model).name();
	}

	/**
	 * Changes the configured limit of a model's lane; its effective limit follows at
	 * once, and the adaptive limit learns from there.
	 * @param model the model (or lane name) whose lane changes
	 * @param limit the new limit, greater than 0
	 */
	public void setLimit(String model, int limit) {
		if (limit <= 0) {
			throw new InvalidSettingException(InvalidSettingException.entry("modelLimits", model),
					"must be greater than 0", limit);
		}
		lane(model).setLimit(limit);
	}

	/**
	 * Returns the state of a model's lane.
	 * @param model the model (or lane name)
	 * @return the snapshot
	 */
	public LaneSnapshot snapshot(String model) {
		return lane(model).snapshot();
	}

	/**
	 * Returns the state of every lane, the default lane last.
	 * @return the snapshots
	 */
	public List<LaneSnapshot> snapshots() {
		List<LaneSnapshot> snapshots = new ArrayList<>(this.lanes.size());
		this.lanes.values().forEach((lane) -> snapshots.add(lane.snapshot()));
		return snapshots;
	}

	/**
	 * Returns the tenants holding the most permits, over all lanes.
	 * @param count how many to return at most
	 * @return the busiest tenants, most permits first
	 */
	public List<TenantUsage> busiestTenants(int count) {
		List<TenantUsage> usage = new ArrayList<>();
		this.lanes.values().forEach((lane) -> usage.addAll(lane.tenantUsage()));
		usage.sort(Comparator.comparingInt(TenantUsage::inUse).thenComparingInt(TenantUsage::queued).reversed());
		List<TenantUsage> busiest = new ArrayList<>(Math.min(count, usage.size()));
		for (TenantUsage tenant : usage.subList(0, Math.min(count, usage.size()))) {
			TenantTerms terms = this.tenantTerms(tenant);
			busiest.add(terms.budget().limited()
					? tenant.withBudgetUse(this.budgets.use(tenant.tenant(), terms.budget())) : tenant);
		}
		return List.copyOf(busiest);
	}

	/**
	 * Returns the number of tenant lanes a model's lane holds, busy or idle.
	 * @param model the model (or lane name)
	 * @return the number of tenant lanes
	 */
	public int tenantLanes(String model) {
		return lane(model).tenantLanes();
	}

	/**
	 * Returns the limits this limiter was created with.
	 * @return the configuration
	 */
	public LimiterConfig config() {
		return this.config;
	}

	private ModelLane lane(String model) {
		return this.lanesByModel.getOrDefault(model, this.defaultLane);
	}

}
