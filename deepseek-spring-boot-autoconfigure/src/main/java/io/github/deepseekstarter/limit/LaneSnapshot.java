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
 * The state of one lane at one moment.
 *
 * @param lane the lane name (its canonical model name, or {@code default})
 * @param configuredLimit the limit from configuration or {@code setLimit}
 * @param effectiveLimit the limit in force, lowered by DeepSeek's 429 answers
 * @param inUse the permits held by running requests
 * @param backgroundInUse the permits of those held by background requests
 * @param queued the requests waiting for a permit
 */
public record LaneSnapshot(String lane, int configuredLimit, int effectiveLimit, int inUse, int backgroundInUse,
		int queued) {

}
