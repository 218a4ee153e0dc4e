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
 * How an identity becomes the wire {@code user_id}.
 */
public enum UserIdPolicyType {

	/**
	 * Send an HMAC-SHA256 pseudonym of the identity, keyed with a secret: no personal
	 * data leaves the process, and the same identity always maps to the same id.
	 */
	HMAC,

	/**
	 * Send the identity itself, after checking DeepSeek's format and rejecting values
	 * that look like personal data.
	 */
	RAW

}
