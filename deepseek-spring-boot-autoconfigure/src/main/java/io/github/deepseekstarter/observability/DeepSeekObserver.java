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

package io.github.deepseekstarter.observability;

import reactor.util.context.ContextView;

/**
 * Observes the calls a {@code DeepSeekTemplate} makes, for metrics and tracing.
 * Implementations must never see the API key, and see only the pseudonymized
 * {@code user_id}.
 */
@FunctionalInterface
public interface DeepSeekObserver {

	/** An observer that records nothing. */
	DeepSeekObserver NONE = (call, context) -> CallObserver.NONE;

	/**
	 * A call starts.
	 * @param call what is known of it
	 * @param context the subscriber's Reactor context, which may carry a parent
	 * observation
	 * @return the observer of this call
	 */
	CallObserver start(CallInfo call, ContextView context);

}
