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

/**
 * A snapshot of one lane's counters, for test assertions.
 *
 * @param lane the lane
 * @param limit the concurrency limit in force
 * @param inFlight requests admitted and not yet finished (queued, generating or
 * streaming)
 * @param peakInFlight the highest {@code inFlight} seen since start or the last reset
 * @param queued admitted requests waiting in the server queue for inference
 * @param rejected 429 responses served by this lane since start or the last reset
 * @param requests chat requests routed to this lane since start or the last reset
 */
public record LaneStats(Lane lane, int limit, int inFlight, int peakInFlight, int queued, long rejected,
		long requests) {

}
