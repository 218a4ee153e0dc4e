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

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

/**
 * The permits of one model lane: its account permits, its tenant lanes and its fair
 * queue. State changes happen in short critical sections on this object; waiters are
 * signalled only after leaving them, one draining thread at a time.
 */
final class ModelLane {

	private static final AtomicIntegerFieldUpdater<ModelLane> WIP = AtomicIntegerFieldUpdater
		.newUpdater(ModelLane.class, "wip");

	private static final int REFUSED = 0;

	private static final int GRANTED = 1;

	private static final int PENDING = 2;

	private final String name;

	private final AccountPermits permits;

	private final AdaptiveLimit limit;

	private final TenantRegistry tenants;

	private final FairQueue interactive = new FairQueue(Priority.INTERACTIVE);

	private final FairQueue background = new FairQueue(Priority.BACKGROUND);

	private final Predicate<TenantLane> tenantHasRoom = this::tenantHasRoom;

	private final int tenantCap;

	private final double backgroundShare;

	private final int maxQueueSize;

	private final LimiterListener listener;

	private int inUse;

	private int backgroundInUse;

	private int queued;

	/** Whether the account refused a permit and no permit has come back since. */
	private boolean accountBlocked;

	private @Nullable Mono<Boolean> pendingAcquire;

	/** The asynchronous attempt an admission started, to subscribe after the lock. */
	private @Nullable Mono<Boolean> admitAcquire;

	/** Whether an admission found a queued waiter that can take a free permit. */
	private boolean drainAfterAdmit;

	private boolean acquiring;

	/** Whether permits came back while an asynchronous attempt was in flight. */
	private boolean freedDuringAttempt;

	private volatile int wip;

	ModelLane(String name, int limit, LimiterConfig config, AccountPermitsFactory permits, LimiterListener listener) {
		this.name = name;
		this.permits = permits.create(name, limit, this::permitsFreed);
		this.limit = new AdaptiveLimit(limit, config.decreaseFactor(), config.successesPerIncrease(),
				config.learntLimitTtl());
		this.tenants = new TenantRegistry(config.maxIdleTenants());
		this.tenantCap = config.perUser(name);
		this.backgroundShare = config.backgroundShare();
		this.maxQueueSize = config.maxQueueSize();
		this.listener = listener;
	}

	String name() {
		return this.name;
	}

	/**
	 * Grants the waiter a permit at once if the lane has room for it, else queues it when
	 * allowed. Never signals the waiter, but for an attempt that may not queue and that
	 * the account answers asynchronously ({@link Admit#PENDING}): the answer then comes
	 * through {@link PermitSubscriber#answered}.
	 */
	Admit admit(PermitSubscriber<?> waiter, boolean mayQueue) {
		Mono<Boolean> acquire;
		Admit admit;
		boolean drain;
		synchronized (this) {
			TenantLane tenant = this.tenants.get(waiter.tenantKey());
			waiter.tenantLane = tenant;
			try {
				admit = admit(waiter, tenant, mayQueue);
			}
			finally {
				this.tenants.settled(tenant);
			}
			acquire = this.admitAcquire;
			this.admitAcquire = null;
			drain = this.drainAfterAdmit;
			this.drainAfterAdmit = false;
		}
		if (acquire != null) {
			acquireAsync(acquire, mayQueue ? null : waiter);
		}
		if (drain) {
			drain();
		}
		return admit;
	}

	private Admit admit(PermitSubscriber<?> waiter, TenantLane tenant, boolean mayQueue) {
		if (!waiter.isWaiting()) {
			return Admit.CANCELLED;
		}
		Priority priority = waiter.admission().priority();
		if (queueTakesFreePermit()) {
			// A free permit goes to the queue first: the arrival waits its turn.
			this.drainAfterAdmit = true;
		}
		else if (!this.accountBlocked && !this.acquiring && hasRoom(priority) && tenantHasRoom(tenant)) {
			Mono<Boolean> attempt = this.permits.tryAcquire();
			int answer = answer(attempt);
			if (answer == GRANTED) {
				if (!waiter.claim()) {
					this.permits.release();
					return Admit.CANCELLED;
				}
				reserve(waiter, tenant);
				return Admit.GRANTED;
			}
			if (answer == REFUSED) {
				this.accountBlocked = true;
			}
			else {
				this.acquiring = true;
				this.freedDuringAttempt = false;
				this.admitAcquire = attempt;
			}
		}
		if (!mayQueue) {
			return (this.admitAcquire != null) ? Admit.PENDING : Admit.BUSY;
		}
		if (this.queued >= this.maxQueueSize) {
			return Admit.FULL;
		}
		queue(priority).add(tenant, waiter);
		this.queued++;
		return Admit.QUEUED;
	}

	/**
	 * Removes a waiter that gave up; it never gets a permit after this.
	 */
	void remove(PermitSubscriber<?> waiter) {
		synchronized (this) {
			TenantLane tenant = waiter.tenantLane;
			if (tenant != null && queue(waiter.admission().priority()).remove(tenant, waiter)) {
				this.queued--;
				this.tenants.settled(tenant);
			}
		}
	}

	void release(PermitSubscriber<?> holder) {
		boolean waiters;
		synchronized (this) {
			this.inUse--;
			if (holder.admission().priority() == Priority.BACKGROUND) {
				this.backgroundInUse--;
			}
			holder.tenantLane.inUse--;
			this.tenants.settled(holder.tenantLane);
			this.permits.release();
			this.accountBlocked = false;
			this.freedDuringAttempt = true;
			waiters = this.queued > 0;
		}
		this.listener.onReleased(this.name, holder.admission());
		if (waiters) {
			drain();
		}
	}

	/**
	 * Lets waiters try the account again after permits were freed elsewhere.
	 */
	private void permitsFreed() {
		synchronized (this) {
			this.accountBlocked = false;
			this.freedDuringAttempt = true;
		}
		drain();
	}

	/**
	 * Hands free permits to waiters, one draining thread at a time so that bodies that
	 * complete at once do not recurse into the next grant.
	 */
	void drain() {
		if (WIP.getAndIncrement(this) != 0) {
			return;
		}
		int missed = 1;
		do {
			PermitSubscriber<?> granted;
			Mono<Boolean> acquire;
			synchronized (this) {
				granted = grant(false);
				acquire = this.pendingAcquire;
				this.pendingAcquire = null;
			}
			signal(granted);
			if (acquire != null) {
				acquireAsync(acquire, null);
			}
			missed = WIP.addAndGet(this, -missed);
		}
		while (missed != 0);
	}

	/**
	 * Waits for the account's answer: the permit is for the waiter that may not queue
	 * when there is one and it still waits, else for the queue.
	 */
	private void acquireAsync(Mono<Boolean> acquire, @Nullable PermitSubscriber<?> waiter) {
		acquire.defaultIfEmpty(Boolean.FALSE)
			.subscribe((granted) -> onAccountAnswer(waiter, granted), (error) -> onAccountAnswer(waiter, false));
	}

	private void onAccountAnswer(@Nullable PermitSubscriber<?> waiter, boolean granted) {
		Admit admit = Admit.BUSY;
		PermitSubscriber<?> waiters = null;
		synchronized (this) {
			this.acquiring = false;
			// A refusal is stale when permits came back while it was on its way.
			this.accountBlocked = !granted && !this.freedDuringAttempt;
			if (granted && waiter != null && claimNow(waiter)) {
				admit = Admit.GRANTED;
			}
			else if (granted) {
				waiters = grant(true);
			}
			if (waiter != null && admit != Admit.GRANTED && !waiter.isWaiting()) {
				admit = Admit.CANCELLED;
			}
		}
		signal(waiters);
		if (waiter != null) {
			waiter.answered(admit);
		}
		drain();
	}

	private boolean claimNow(PermitSubscriber<?> waiter) {
		// The tenant lane may have been evicted while the answer was on its way.
		TenantLane tenant = this.tenants.get(waiter.tenantKey());
		waiter.tenantLane = tenant;
		boolean claimed = hasRoom(waiter.admission().priority()) && tenantHasRoom(tenant) && waiter.claim();
		if (claimed) {
			reserve(waiter, tenant);
		}
		this.tenants.settled(tenant);
		return claimed;
	}

	/**
	 * Claims waiters while the lane, their tenant and the account have room, in turn;
	 * returns them linked through {@link PermitSubscriber#nextGranted}.
	 */
	private @Nullable PermitSubscriber<?> grant(boolean holding) {
		PermitSubscriber<?> first = null;
		PermitSubscriber<?> last = null;
		while (this.queued > 0) {
			FairQueue queue = this.interactive;
			TenantLane tenant = hasRoom(Priority.INTERACTIVE) ? queue.next(this.tenantHasRoom) : null;
			if (tenant == null && hasRoom(Priority.BACKGROUND)) {
				queue = this.background;
				tenant = queue.next(this.tenantHasRoom);
			}
			if (tenant == null) {
				break;
			}
			if (!holding) {
				if (this.accountBlocked || this.acquiring) {
					break;
				}
				Mono<Boolean> attempt = this.permits.tryAcquire();
				int answer = answer(attempt);
				if (answer == REFUSED) {
					this.accountBlocked = true;
					break;
				}
				if (answer == PENDING) {
					this.acquiring = true;
					this.freedDuringAttempt = false;
					this.pendingAcquire = attempt;
					break;
				}
			}
			PermitSubscriber<?> waiter = claimFirst(queue, tenant);
			holding = (waiter == null);
			if (waiter != null) {
				if (last == null) {
					first = waiter;
				}
				else {
					last.nextGranted = waiter;
				}
				last = waiter;
			}
		}
		if (holding) {
			this.permits.release();
		}
		return first;
	}

	private @Nullable PermitSubscriber<?> claimFirst(FairQueue queue, TenantLane tenant) {
		PermitSubscriber<?> waiter;
		while ((waiter = tenant.waiting(queue.priority()).pollFirst()) != null) {
			this.queued--;
			if (waiter.claim()) {
				reserve(waiter, tenant);
				break;
			}
		}
		queue.served(tenant);
		this.tenants.settled(tenant);
		return waiter;
	}

	private void signal(@Nullable PermitSubscriber<?> granted) {
		while (granted != null) {
			PermitSubscriber<?> next = granted.nextGranted;
			granted.nextGranted = null;
			granted.granted(this);
			granted = next;
		}
	}

	private void reserve(PermitSubscriber<?> waiter, TenantLane tenant) {
		this.inUse++;
		if (waiter.admission().priority() == Priority.BACKGROUND) {
			this.backgroundInUse++;
		}
		tenant.inUse++;
		waiter.generation = this.limit.generation();
	}

	/**
	 * Returns whether a queued waiter could take a permit now, which a new arrival must
	 * then not take before it.
	 */
	private boolean queueTakesFreePermit() {
		if (this.queued == 0 || this.accountBlocked || this.acquiring) {
			return false;
		}
		return (hasRoom(Priority.INTERACTIVE) && this.interactive.next(this.tenantHasRoom) != null)
				|| (hasRoom(Priority.BACKGROUND) && this.background.next(this.tenantHasRoom) != null);
	}

	private boolean hasRoom(Priority priority) {
		int effective = this.limit.effective();
		return this.inUse < effective && (priority == Priority.INTERACTIVE
				|| this.backgroundInUse < Math.max(1, (int) (effective * this.backgroundShare)));
	}

	private boolean tenantHasRoom(TenantLane tenant) {
		return tenant.hasRoom(this.tenantCap);
	}

	private FairQueue queue(Priority priority) {
		return (priority == Priority.INTERACTIVE) ? this.interactive : this.background;
	}

	@SuppressWarnings("unchecked")
	private static int answer(Mono<Boolean> attempt) {
		if (!(attempt instanceof Fuseable.ScalarCallable)) {
			return PENDING;
		}
		try {
			return Boolean.TRUE.equals(((Callable<Boolean>) attempt).call()) ? GRANTED : REFUSED;
		}
		catch (Exception ex) {
			throw Exceptions.propagate(ex);
		}
	}

	/**
	 * Learns from a 429 answering a permit held by the tenant. A limit of N named while
	 * the account has fewer than N other requests in flight cannot be the account's: it
	 * is the limit DeepSeek puts on the tenant's {@code user_id}, so only the tenant is
	 * capped.
	 */
	void onServerLimit(OptionalInt limitFromMessage, int generation, TenantLane tenant) {
		boolean changed = false;
		synchronized (this) {
			if (limitFromMessage.isPresent() && this.inUse - 1 < limitFromMessage.getAsInt()) {
				tenant.learnCap(limitFromMessage.getAsInt(), this.limit.learntLimitTtlNanos());
			}
			else {
				changed = applyLimit(this.limit.onServerLimit(limitFromMessage, generation));
			}
		}
		limitChanged(changed);
	}

	void onSuccess(int generation) {
		boolean changed;
		synchronized (this) {
			changed = applyLimit(this.limit.onSuccess(generation));
		}
		limitChanged(changed);
	}

	void setLimit(int limit) {
		boolean changed;
		synchronized (this) {
			changed = applyLimit(this.limit.setConfigured(limit));
		}
		limitChanged(changed);
	}

	/**
	 * Gives the account permits the new effective limit in the same critical section that
	 * changed it, so that no admission sees one limit here and another there; a refusal
	 * under the old limit no longer holds.
	 */
	private boolean applyLimit(boolean changed) {
		if (changed) {
			this.permits.changeLimit(this.limit.effective());
			this.accountBlocked = false;
			this.freedDuringAttempt = true;
		}
		return changed;
	}

	private void limitChanged(boolean changed) {
		if (!changed) {
			return;
		}
		int configured;
		int effective;
		synchronized (this) {
			configured = this.limit.configured();
			effective = this.limit.effective();
		}
		this.listener.onLimitChanged(this.name, configured, effective);
		drain();
	}

	synchronized LaneSnapshot snapshot() {
		return new LaneSnapshot(this.name, this.limit.configured(), this.limit.effective(), this.inUse,
				this.backgroundInUse, this.queued);
	}

	synchronized List<TenantUsage> tenantUsage() {
		return this.tenants.usage(this.name);
	}

	synchronized int tenantLanes() {
		return this.tenants.size();
	}

	/**
	 * What {@link #admit(PermitSubscriber, boolean)} did with a waiter.
	 */
	enum Admit {

		/** The waiter holds a permit; the caller signals it. */
		GRANTED,

		/** The waiter waits in the queue. */
		QUEUED,

		/** The lane has no room and the waiter may not queue. */
		BUSY,

		/**
		 * The waiter may not queue and the account answers later, through
		 * {@link PermitSubscriber#answered}.
		 */
		PENDING,

		/** The lane has no room and its queue is full. */
		FULL,

		/** The waiter gave up before it was admitted. */
		CANCELLED

	}

}
