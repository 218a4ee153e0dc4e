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
 * What a tenant used of its budget in the current hour and day.
 *
 * @param hourly the tokens used this hour
 * @param daily the tokens used today
 */
public record BudgetUse(long hourly, long daily) {

	/**
	 * Nothing used.
	 */
	public static final BudgetUse NONE = new BudgetUse(0, 0);

}
