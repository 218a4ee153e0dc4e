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

/**
 * Where the tenant identity of an authenticated caller comes from.
 *
 * @see TenantExtractor#of(TenantSource, String)
 */
public enum TenantSource {

	/**
	 * The name of the authenticated principal ({@code Authentication.getName()}): each
	 * user is its own tenant.
	 */
	PRINCIPAL_NAME,

	/**
	 * A claim of the caller's token (a JWT claim, an OIDC claim, or an attribute of an
	 * introspected token), such as {@code tenant_id}: every user of one tenant shares one
	 * id.
	 */
	JWT_CLAIM

}
