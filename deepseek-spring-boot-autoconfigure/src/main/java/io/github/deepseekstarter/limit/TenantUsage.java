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
 * The permits one tenant holds in one lane.
 *
 * @param lane the lane name
 * @param tenant the tenant id, or the empty string for requests without one
 * @param inUse the permits the tenant holds
 * @param queued the tenant's requests waiting for a permit
 */
public record TenantUsage(String lane, String tenant, int inUse, int queued) {

}
