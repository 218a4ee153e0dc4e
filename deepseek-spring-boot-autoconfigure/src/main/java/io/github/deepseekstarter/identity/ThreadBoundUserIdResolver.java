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

import java.util.function.Function;

import reactor.util.context.Context;

/**
 * A {@link UserIdResolver} whose identity lives in a thread-local of the calling thread
 * (such as Spring Security's {@code SecurityContextHolder}), which a reactive pipeline
 * may no longer be running on when it subscribes.
 *
 * @see UserIdResolution#captureCaller()
 */
public interface ThreadBoundUserIdResolver extends UserIdResolver {

	/**
	 * Read the identity bound to the calling thread now and return a function that writes
	 * it into a Reactor {@link Context}, so that {@link #resolve()} finds it on whichever
	 * thread the pipeline is subscribed. A capture that found no identity is recorded as
	 * well, so that a later subscription never picks up another caller's thread-local.
	 * @return the function to pass to {@code contextWrite}
	 */
	Function<Context, Context> captureCaller();

}
