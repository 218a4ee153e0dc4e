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

package io.github.deepseekstarter.observability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekstarter.InvalidSettingException;
import org.jspecify.annotations.Nullable;

/**
 * Decides the tenant tag of a call's meters: none by default, or the pseudonymized
 * {@code user_id} capped at a number of distinct values, past which tenants share the
 * value {@code other}, so that a tenant tag can never grow a registry without bound.
 */
public final class TenantTags {

	/** The tag value shared by the tenants past the cap. */
	public static final String OTHER = "other";

	/** The tag value of calls sent without a {@code user_id}. */
	public static final String NONE = "none";

	private static final TenantTags DISABLED = new TenantTags(0, false);

	private final int max;

	private final boolean enabled;

	private final Set<String> admitted = ConcurrentHashMap.newKeySet();

	private final AtomicInteger slots = new AtomicInteger();

	private TenantTags(int max, boolean enabled) {
		this.max = max;
		this.enabled = enabled;
	}

	/**
	 * Tenant tags off: meters carry no tenant tag.
	 * @return the policy
	 */
	public static TenantTags disabled() {
		return DISABLED;
	}

	/**
	 * Tenant tags on, capped at a number of distinct tenants.
	 * @param max how many distinct tenants get a tag value of their own, at least 0
	 * @return the policy
	 */
	public static TenantTags capped(int max) {
		if (max < 0) {
			throw new InvalidSettingException("max", "must be 0 or more", max);
		}
		return new TenantTags(max, true);
	}

	/**
	 * Whether meters carry a tenant tag.
	 * @return whether tenant tags are on
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * The tag value of a tenant: its id while fewer than the cap have been seen, else
	 * {@link #OTHER}.
	 * @param userId the pseudonymized {@code user_id}, if any
	 * @return the tag value
	 */
	public String valueOf(@Nullable String userId) {
		if (userId == null) {
			return NONE;
		}
		if (this.admitted.contains(userId)) {
			return userId;
		}
		// A slot is reserved before the id is added, so concurrent tenants never exceed
		// the cap; a slot taken twice for the same id is handed back.
		if (this.slots.incrementAndGet() <= this.max) {
			if (!this.admitted.add(userId)) {
				this.slots.decrementAndGet();
			}
			return userId;
		}
		this.slots.decrementAndGet();
		return this.admitted.contains(userId) ? userId : OTHER;
	}

}
