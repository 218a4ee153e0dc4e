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

/**
 * Tenant identity: resolving, validating and pseudonymizing the {@code user_id} sent to
 * DeepSeek.
 * <p>
 * {@link io.github.deepseekstarter.identity.UserIdResolution} is the one entry point: it
 * takes the explicit id of a request, else asks the
 * {@link io.github.deepseekstarter.identity.UserIdResolver}s in order, else the
 * {@link io.github.deepseekstarter.identity.AnonymousUserIdStrategy}, and turns the
 * identity into the wire id with the
 * {@link io.github.deepseekstarter.identity.UserIdPolicy}. Each step is an interface with
 * factories for the configured choices ({@code UserIdPolicy.of}, {@code
 * AnonymousUserIdStrategy.of}, {@code TenantExtractor.of}).
 * <p>
 * The Spring Security resolvers and {@code TenantExtractor} need
 * {@code spring-security-core} ({@code ClaimTenantExtractor} also
 * {@code spring-security-oauth2-core}); everything else works without Spring Security.
 */
@NullMarked
package io.github.deepseekstarter.identity;

import org.jspecify.annotations.NullMarked;
