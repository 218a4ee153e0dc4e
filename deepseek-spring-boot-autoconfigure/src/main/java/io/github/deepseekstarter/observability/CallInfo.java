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

import io.github.deepseekstarter.limit.LimiterConfig;
import org.jspecify.annotations.Nullable;

/**
 * What is known of a call when it starts.
 *
 * @param operation the operation, {@code chat}
 * @param protocol the wire format, {@code openai} or {@code anthropic}
 * @param model the model requested
 * @param lane the lane the model runs in: its own, its alias's, or the default lane
 * @param stream whether the answer is streamed
 * @param userId the pseudonymized {@code user_id} sent with the call, if any; never a raw
 * identity
 */
public record CallInfo(String operation, String protocol, String model, String lane, boolean stream,
		@Nullable String userId) {

	/**
	 * The model as meters may name it: the model requested when it has a lane of its own
	 * or is an alias of one, else the lane's name, so a caller's arbitrary model string
	 * never becomes a new tag value.
	 * @return the bounded model name
	 */
	public String meteredModel() {
		return LimiterConfig.DEFAULT_LANE.equals(this.lane) ? this.lane : this.model;
	}

}
