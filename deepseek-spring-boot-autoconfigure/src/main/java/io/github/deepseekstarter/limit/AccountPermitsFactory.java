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

/**
 * Creates the {@link AccountPermits} of each lane.
 */
@FunctionalInterface
public interface AccountPermitsFactory {

	/**
	 * Creates the permit source of one lane.
	 * @param lane the lane name
	 * @param limit the initial limit
	 * @param permitsFreed to run when permits may have been freed elsewhere (another
	 * replica); the lane then offers them to its waiters
	 * @return the permit source
	 */
	AccountPermits create(String lane, int limit, Runnable permitsFreed);

}
