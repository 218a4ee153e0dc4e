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

package io.github.deepseekstarter.identity;

import io.github.deepseekstarter.TenantTerms;
import org.jspecify.annotations.Nullable;

/**
 * Who a call is made for: its wire {@code user_id} and what its tenant is entitled to.
 *
 * @param userId the wire-ready {@code user_id}, or {@code null} when none is sent
 * @param terms the tenant's tier, weight and token budget
 */
public record Caller(@Nullable String userId, TenantTerms terms) {

}
