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

package io.github.deepseekstarter.client;

import io.github.deepseekstarter.limit.Priority;
import org.jspecify.annotations.Nullable;

/**
 * How one call enters the account's lanes, and in which wire format it is sent.
 *
 * @param priority {@link Priority#BACKGROUND} calls may hold only a share of a lane, so
 * interactive calls always find room
 * @param allowOverflow whether the call may be sent to the overflow model (by default
 * deepseek-v4-flash for deepseek-v4-pro) when its own lane is full
 * @param protocol the wire format of a protocol-neutral call; {@code null} means the
 * template's ({@code deepseek.protocol})
 */
public record DeepSeekCallOptions(Priority priority, boolean allowOverflow, @Nullable DeepSeekProtocol protocol) {

	/** An interactive call that stays on its model. */
	public static final DeepSeekCallOptions DEFAULT = new DeepSeekCallOptions(Priority.INTERACTIVE, false);

	/** A background call: batch work that must leave room for interactive calls. */
	public static final DeepSeekCallOptions BACKGROUND = new DeepSeekCallOptions(Priority.BACKGROUND, false);

	/**
	 * Options in the template's wire format.
	 * @param priority the priority
	 * @param allowOverflow whether overflow routing is allowed
	 */
	public DeepSeekCallOptions(Priority priority, boolean allowOverflow) {
		this(priority, allowOverflow, null);
	}

	/**
	 * A copy that allows overflow routing.
	 * @return the options
	 */
	public DeepSeekCallOptions allowingOverflow() {
		return new DeepSeekCallOptions(this.priority, true, this.protocol);
	}

	/**
	 * A copy whose protocol-neutral call uses the given wire format.
	 * @param protocol the wire format
	 * @return the options
	 */
	public DeepSeekCallOptions withProtocol(DeepSeekProtocol protocol) {
		return new DeepSeekCallOptions(this.priority, this.allowOverflow, protocol);
	}

}
