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

package io.github.deepseekstarter.test.emulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures a {@link DeepSeekEmulator}; every setting can also be changed after start.
 */
public final class DeepSeekEmulatorBuilder {

	private final EmulatorSettings settings = new EmulatorSettings();

	private final Map<Lane, LaneState> lanes = new EnumMap<>(Lane.class);

	private int port;

	private int recordLimit = 1000;

	DeepSeekEmulatorBuilder() {
		for (Lane lane : Lane.values()) {
			this.lanes.put(lane, new LaneState(lane));
		}
	}

	/**
	 * Accept only the given API key (instead of
	 * {@value DeepSeekEmulator#DEFAULT_API_KEY}).
	 * @param apiKey the key
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder apiKey(String apiKey) {
		return apiKeys(apiKey);
	}

	/**
	 * Accept the given API keys, all of one account; the first is
	 * {@link DeepSeekEmulator#apiKey()}.
	 * @param apiKeys the keys, at least one
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder apiKeys(String... apiKeys) {
		if (apiKeys.length == 0) {
			throw new IllegalArgumentException("At least one API key is needed");
		}
		this.settings.apiKeys = List.of(apiKeys);
		return this;
	}

	/**
	 * Listen on a fixed port instead of an ephemeral one.
	 * @param port the port, or 0 for an ephemeral one
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder port(int port) {
		this.port = port;
		return this;
	}

	/**
	 * See {@link DeepSeekEmulator#setConcurrencyLimit(Lane, int)}.
	 * @param lane the lane
	 * @param limit the limit
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder concurrencyLimit(Lane lane, int limit) {
		this.lanes.get(lane).setLimit(limit);
		return this;
	}

	/**
	 * See {@link DeepSeekEmulator#setInferenceCapacity(Lane, int)}.
	 * @param lane the lane
	 * @param capacity the capacity, or zero to follow the limit
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder inferenceCapacity(Lane lane, int capacity) {
		this.lanes.get(lane).setCapacity(capacity);
		return this;
	}

	/**
	 * See {@link DeepSeekEmulator#setKeepAliveInterval(Duration)}.
	 * @param interval the interval
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder keepAliveInterval(Duration interval) {
		this.settings.keepAliveInterval = EmulatorSettings.requirePositive(interval, "Keep-alive interval");
		return this;
	}

	/**
	 * See {@link DeepSeekEmulator#setPreInferenceTimeout(Duration)}.
	 * @param timeout the timeout
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder preInferenceTimeout(Duration timeout) {
		this.settings.preInferenceTimeout = EmulatorSettings.requirePositive(timeout, "Pre-inference timeout");
		return this;
	}

	/**
	 * See {@link DeepSeekEmulator#setTimeToFirstToken(Duration)}.
	 * @param delay the delay
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder timeToFirstToken(Duration delay) {
		this.settings.timeToFirstToken = EmulatorSettings.requireNotNegative(delay, "Time to first token");
		return this;
	}

	/**
	 * See {@link DeepSeekEmulator#setTokenInterval(Duration)}.
	 * @param interval the interval
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder tokenInterval(Duration interval) {
		this.settings.tokenInterval = EmulatorSettings.requireNotNegative(interval, "Token interval");
		return this;
	}

	/**
	 * See {@link DeepSeekEmulator#setUserIdLimit(int)}.
	 * @param limit the limit, or zero for none
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder userIdLimit(int limit) {
		this.settings.userIdLimit = limit;
		return this;
	}

	/**
	 * See {@link DeepSeekEmulator#setBalance(BalanceState)}.
	 * @param balance the balance state
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder balance(BalanceState balance) {
		this.settings.balance = Objects.requireNonNull(balance);
		return this;
	}

	/**
	 * See {@link DeepSeekEmulator#setDefaultReply(Reply)}.
	 * @param reply the reply
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder defaultReply(Reply reply) {
		this.settings.defaultReply = reply;
		return this;
	}

	/**
	 * See {@link DeepSeekEmulator#setAnthropicQuirks(boolean)}.
	 * @param quirks whether to reproduce DeepSeek's quirks (default {@code true})
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder anthropicQuirks(boolean quirks) {
		this.settings.anthropicQuirks = quirks;
		return this;
	}

	/**
	 * See {@link DeepSeekEmulator#setSplitWrites(boolean)}.
	 * @param split whether to write every body piece in two HTTP chunks (default
	 * {@code false})
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder splitWrites(boolean split) {
		this.settings.splitWrites = split;
		return this;
	}

	/**
	 * Keep at most this many recorded requests (the oldest go first); default 1000.
	 * @param limit the limit, at least 1
	 * @return this builder
	 */
	public DeepSeekEmulatorBuilder recordLimit(int limit) {
		this.recordLimit = limit;
		return this;
	}

	/**
	 * Create the emulator (not started); the builder can build more, each with its own
	 * copy of the settings.
	 * @return the emulator
	 */
	public DeepSeekEmulator build() {
		DeepSeekEmulatorBuilder copy = copy();
		return new DeepSeekEmulator(copy.settings, copy.lanes, copy.recordLimit, copy.port);
	}

	private DeepSeekEmulatorBuilder copy() {
		DeepSeekEmulatorBuilder copy = new DeepSeekEmulatorBuilder();
		copy.settings.apiKeys = this.settings.apiKeys;
		copy.settings.keepAliveInterval = this.settings.keepAliveInterval;
		copy.settings.preInferenceTimeout = this.settings.preInferenceTimeout;
		copy.settings.timeToFirstToken = this.settings.timeToFirstToken;
		copy.settings.tokenInterval = this.settings.tokenInterval;
		copy.settings.userIdLimit = this.settings.userIdLimit;
		copy.settings.balance = this.settings.balance;
		copy.settings.defaultReply = this.settings.defaultReply;
		copy.settings.anthropicQuirks = this.settings.anthropicQuirks;
		copy.settings.splitWrites = this.settings.splitWrites;
		this.lanes.forEach((lane, state) -> {
			copy.lanes.get(lane).setLimit(state.limit());
			copy.lanes.get(lane).setCapacity(state.capacity());
		});
		copy.port = this.port;
		copy.recordLimit = this.recordLimit;
		return copy;
	}

}
