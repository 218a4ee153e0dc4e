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

import java.util.Objects;

import io.github.deepseekstarter.TenantTerms;

import org.jspecify.annotations.Nullable;

/**
 * What a request asks of the limiter: the model it is sent to, the tenant it is sent for,
 * its priority, whether it may be routed to the model's overflow lane, and what the
 * tenant is entitled to.
 *
 * @param model the DeepSeek model the request names
 * @param tenant the tenant ({@code user_id}) the request is sent for; {@code null} (no
 * user id) is a tenant of its own, as DeepSeek treats the empty id
 * @param priority the priority of the request
 * @param allowOverflow whether the request may run on the overflow lane of its model (see
 * {@link LimiterConfig#overflow()}) when its own lane would make it wait
 * @param terms the tenant's tier, weight and token budget
 */
public record Admission(String model, @Nullable String tenant, Priority priority, boolean allowOverflow,
		TenantTerms terms) {

	public Admission {
		Objects.requireNonNull(model, "model must not be null");
		Objects.requireNonNull(priority, "priority must not be null");
		Objects.requireNonNull(terms, "terms must not be null");
	}

	/**
	 * Creates an admission with the {@link TenantTerms#DEFAULT default terms}.
	 * @param model the DeepSeek model the request names
	 * @param tenant the tenant the request is sent for, or {@code null} for none
	 * @param priority the priority of the request
	 * @param allowOverflow whether the request may run on the overflow lane of its model
	 */
	public Admission(String model, @Nullable String tenant, Priority priority, boolean allowOverflow) {
		this(model, tenant, priority, allowOverflow, TenantTerms.DEFAULT);
	}

	/**
	 * Returns an interactive admission without a tenant and without overflow.
	 * @param model the model
	 * @return the admission
	 */
	public static Admission of(String model) {
		return new Admission(model, null, Priority.INTERACTIVE, false);
	}

	/**
	 * Returns an interactive admission for a tenant, without overflow.
	 * @param model the model
	 * @param tenant the tenant, or {@code null} for none
	 * @return the admission
	 */
	public static Admission of(String model, @Nullable String tenant) {
		return new Admission(model, tenant, Priority.INTERACTIVE, false);
	}

	/**
	 * Returns a copy of this admission with another priority.
	 * @param priority the priority
	 * @return the new admission
	 */
	public Admission withPriority(Priority priority) {
		return new Admission(this.model, this.tenant, priority, this.allowOverflow, this.terms);
	}

	/**
	 * Returns a copy of this admission that may be routed to the overflow lane.
	 * @return the new admission
	 */
	public Admission allowingOverflow() {
		return new Admission(this.model, this.tenant, this.priority, true, this.terms);
	}

	/**
	 * Returns a copy of this admission with the tenant's terms.
	 * @param terms the tier, weight and budget of the tenant
	 * @return the new admission
	 */
	public Admission withTerms(TenantTerms terms) {
		return new Admission(this.model, this.tenant, this.priority, this.allowOverflow, terms);
	}

}
