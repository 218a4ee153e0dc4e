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

package io.github.deepseekstarter.actuate;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;

/**
 * Adds a part of the DeepSeek client's state to the {@code deepseek} health, such as the
 * shared lease store of distributed mode. Its health appears under {@link #name()} in the
 * details; a {@code DOWN} part turns the whole indicator {@code DOWN}.
 */
public interface DeepSeekHealthDetailsContributor {

	/**
	 * The key of this part in the health details.
	 * @return the name
	 */
	String name();

	/**
	 * Checks this part without blocking.
	 * @return its health
	 */
	Mono<Health> health();

}
