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
 * What to do with a request whose caller has no identity: no explicit id and no resolver
 * found one.
 */
public enum AnonymousMode {

	/**
	 * Fail the request with a {@link MissingUserIdException} before anything is sent.
	 */
	REJECT,

	/**
	 * Send one configured id for every anonymous caller, so they share one
	 * {@code user_id} lane.
	 */
	SHARED,

	/**
	 * Send no {@code user_id}; DeepSeek treats every such request as one special id.
	 */
	NONE

}
