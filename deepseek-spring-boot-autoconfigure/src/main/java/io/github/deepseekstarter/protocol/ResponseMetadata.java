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

package io.github.deepseekstarter.protocol;

import java.time.Duration;

/**
 * What the client saw of a response besides its content: how long DeepSeek kept it
 * waiting and how many keep-alives it sent meanwhile.
 *
 * @param keepAlives the blank lines or {@code : keep-alive} comments received before the
 * first real byte
 * @param firstByteWait the time from sending the request until the first byte that was
 * not a keep-alive; for a stream this is the server's queue time plus the time to the
 * first token
 */
public record ResponseMetadata(int keepAlives, Duration firstByteWait) {

	/** Metadata of a response that has not been received. */
	public static final ResponseMetadata NONE = new ResponseMetadata(0, Duration.ZERO);

}
