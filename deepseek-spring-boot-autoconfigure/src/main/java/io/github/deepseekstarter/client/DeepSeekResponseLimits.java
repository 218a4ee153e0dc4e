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

import io.github.deepseekstarter.InvalidSettingException;
import io.github.deepseekstarter.protocol.KeepAliveAwareDecoder;

import org.springframework.util.unit.DataSize;

/**
 * How much of one answer the client holds in memory at most; beyond it the call fails
 * with {@link io.github.deepseekstarter.DeepSeekResponseTooLargeException}.
 *
 * @param maxEventSize the largest event of a stream, or line of it
 * @param maxBodySize the largest body of a non-streamed answer
 */
public record DeepSeekResponseLimits(DataSize maxEventSize, DataSize maxBodySize) {

	/** The defaults: 4 MiB per event, 16 MiB per body. */
	public static final DeepSeekResponseLimits DEFAULTS = new DeepSeekResponseLimits(
			DataSize.ofBytes(KeepAliveAwareDecoder.DEFAULT_MAX_EVENT_SIZE),
			DataSize.ofBytes(KeepAliveAwareDecoder.DEFAULT_MAX_BODY_SIZE));

	public static final DataSize DEFAULT_MAX_EVENT_SIZE = DEFAULTS.maxEventSize();

	public static final DataSize DEFAULT_MAX_BODY_SIZE = DEFAULTS.maxBodySize();

	/**
	 * Validates the sizes.
	 * @throws InvalidSettingException naming the size that is not between 1 byte and 2
	 * GiB
	 */
	public DeepSeekResponseLimits {
		bufferSize(maxEventSize, "maxEventSize");
		bufferSize(maxBodySize, "maxBodySize");
	}

	private static void bufferSize(DataSize size, String setting) {
		if (size == null || size.toBytes() <= 0 || size.toBytes() > Integer.MAX_VALUE) {
			throw new InvalidSettingException(setting, "must be between 1 byte and 2GB, for example 16MB", size);
		}
	}

}
