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

package io.github.deepseekstarter.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Metrics of the DeepSeek client.
 */
@ConfigurationProperties("deepseek.metrics")
public class DeepSeekMetricsProperties {

	private final TenantTags tenantTags = new TenantTags();

	public TenantTags getTenantTags() {
		return this.tenantTags;
	}

	/**
	 * Tenant tags on the call meters.
	 */
	public static class TenantTags {

		/**
		 * Whether the call meters carry the pseudonymized user_id as a "tenant" tag.
		 */
		private boolean enabled;

		/**
		 * Maximum number of distinct tenants given a tag value of their own; the others
		 * share the value "other".
		 */
		private int max = 100;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMax() {
			return this.max;
		}

		public void setMax(int max) {
			this.max = max;
		}

	}

}
