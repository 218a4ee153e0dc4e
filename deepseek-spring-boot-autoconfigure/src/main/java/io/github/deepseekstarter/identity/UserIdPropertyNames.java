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
 * Names of the configuration properties that error messages point the user to, kept in
 * one place so that messages and properties cannot drift apart.
 */
final class UserIdPropertyNames {

	static final String POLICY = "deepseek.user-id.policy";

	static final String SECRET = "deepseek.user-id.secret";

	static final String CLAIM = "deepseek.user-id.claim";

	static final String ANONYMOUS = "deepseek.user-id.anonymous";

	static final String ANONYMOUS_ID = "deepseek.user-id.anonymous-id";

	static final String ALLOW_OVERRIDE = "deepseek.user-id.allow-override";

	private UserIdPropertyNames() {
	}

}
