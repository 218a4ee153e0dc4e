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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Metrics of the DeepSeek client.
 */
@ConfigurationProperties("deepseek.metrics")
public class DeepSeekMetricsProperties {

	private final TenantTags tenantTags = new TenantTags();

	/**
	 * Whether the names of earlier releases are recorded too: the gen_ai.system tag, the
	 * cache_hit, cache_miss and reasoning values of gen_ai.token.type and the
	 * deepseek.time.to.first.token timer.
	 */
	private boolean legacyNames;

	/**
	 * Token prices per model or lane, overriding DeepSeek's published prices that are the
	 * defaults; an entry replaces only the fields it sets.
	 */
	private final Map<String, Price> prices = new LinkedHashMap<>();

	private final TenantBoard tenantBoard = new TenantBoard();

	private final Content content = new Content();

	public TenantTags getTenantTags() {
		return this.tenantTags;
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(reason = "The names of the OpenTelemetry GenAI conventions as released in v1.41 "
			+ "replace them; this switch goes in the next release", since = "0.1.0")
	public boolean isLegacyNames() {
		return this.legacyNames;
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setLegacyNames(boolean legacyNames) {
		this.legacyNames = legacyNames;
	}

	public Map<String, Price> getPrices() {
		return this.prices;
	}

	public TenantBoard getTenantBoard() {
		return this.tenantBoard;
	}

	public Content getContent() {
		return this.content;
	}

	/**
	 * Prompt and completion content on the call observations.
	 */
	public static class Content {

		/**
		 * Whether call observations record the conversation: the
		 * gen_ai.system_instructions, gen_ai.input.messages and gen_ai.output.messages
		 * span attributes of the OpenTelemetry GenAI conventions. They are likely to hold
		 * personal data.
		 */
		private boolean enabled;

		/**
		 * Maximum size of the contents recorded in each of those attributes; content
		 * beyond it is cut and ends with "...[truncated]".
		 */
		private DataSize maxSize = DataSize.ofKilobytes(16);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

	/**
	 * The price of one model's tokens.
	 */
	public static class Price {

		/**
		 * Price of a million input tokens served from DeepSeek's context cache.
		 */
		private @Nullable BigDecimal cacheHitInput;

		/**
		 * Price of a million input tokens not found in the cache.
		 */
		private @Nullable BigDecimal cacheMissInput;

		/**
		 * Price of a million output tokens, reasoning included.
		 */
		private @Nullable BigDecimal output;

		/**
		 * Currency of the prices, such as USD or CNY.
		 */
		private @Nullable String currency;

		/**
		 * Day the prices took effect.
		 */
		private @Nullable LocalDate effectiveDate;

		public @Nullable BigDecimal getCacheHitInput() {
			return this.cacheHitInput;
		}

		public void setCacheHitInput(@Nullable BigDecimal cacheHitInput) {
			this.cacheHitInput = cacheHitInput;
		}

		public @Nullable BigDecimal getCacheMissInput() {
			return this.cacheMissInput;
		}

		public void setCacheMissInput(@Nullable BigDecimal cacheMissInput) {
			this.cacheMissInput = cacheMissInput;
		}

		public @Nullable BigDecimal getOutput() {
			return this.output;
		}

		public void setOutput(@Nullable BigDecimal output) {
			this.output = output;
		}

		public @Nullable String getCurrency() {
			return this.currency;
		}

		public void setCurrency(@Nullable String currency) {
			this.currency = currency;
		}

		public @Nullable LocalDate getEffectiveDate() {
			return this.effectiveDate;
		}

		public void setEffectiveDate(@Nullable LocalDate effectiveDate) {
			this.effectiveDate = effectiveDate;
		}

	}

	/**
	 * The board of the busiest tenants by tokens and cost, shown by the deepseek
	 * endpoint.
	 */
	public static class TenantBoard {

		/**
		 * Whether each tenant's tokens and cost are counted for the deepseek endpoint.
		 */
		private boolean enabled = true;

		/**
		 * Maximum number of tenants counted at once; a new tenant takes the place of the
		 * one with the fewest tokens.
		 */
		private int capacity = 1000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

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
