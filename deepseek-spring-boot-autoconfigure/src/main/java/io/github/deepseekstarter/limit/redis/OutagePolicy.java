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

package io.github.deepseekstarter.limit.redis;

/**
 * What the lanes do while Redis does not answer.
 */
public enum OutagePolicy {

	/**
	 * Each replica takes its share of every lane locally: the lane's limit divided by the
	 * expected number of replicas, at least 1.
	 */
	LOCAL_SHARE,

	/**
	 * No permit is granted: requests wait in their queue and time out locally, so the
	 * account is never exceeded.
	 */
	FAIL_CLOSED

}
