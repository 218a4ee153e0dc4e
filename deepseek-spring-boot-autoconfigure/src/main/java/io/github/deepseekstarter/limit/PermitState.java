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
 * The states of a request for a permit, the one vocabulary of the core: a waiter moves
 * from {@link #WAITING} to {@link #GRANTED}, {@link #CANCELLED} or {@link #EXPIRED}, and
 * a granted permit from {@link #GRANTED} to {@link #RELEASED}, each step by
 * compare-and-set so that it happens once.
 */
enum PermitState {

	/** Waiting for a permit, in the queue or for the account's answer. */
	WAITING,

	/** Holding a permit. */
	GRANTED,

	/** The caller gave up before a permit was handed over. */
	CANCELLED,

	/** The wait outlasted the queue's maximum wait. */
	EXPIRED,

	/** The permit went back to its lane. */
	RELEASED

}
