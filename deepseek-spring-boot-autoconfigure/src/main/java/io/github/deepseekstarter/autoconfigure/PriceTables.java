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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.deepseekstarter.observability.ModelPrice;
import io.github.deepseekstarter.observability.PriceTable;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Maps {@code deepseek.metrics.prices} onto DeepSeek's published prices: each entry
 * replaces the fields it sets of its model's default, and a model without a default must
 * set all of them.
 */
final class PriceTables {

	private PriceTables() {
	}

	static PriceTable from(DeepSeekMetricsProperties properties) {
		Map<String, ModelPrice> prices = new LinkedHashMap<>(PriceTable.deepSeekDefaults().prices());
		properties.getPrices().forEach((model, price) -> prices.put(model, merge(model, price, prices.get(model))));
		return PriceTable.of(prices);
	}

	private static ModelPrice merge(String model, DeepSeekMetricsProperties.Price price,
			@Nullable ModelPrice fallback) {
		String prefix = "deepseek.metrics.prices." + model + ".";
		try {
			return new ModelPrice(
					Objects.requireNonNullElseGet(price.getCacheHitInput(),
							() -> required(fallback, prefix + "cache-hit-input").cacheHitInput()),
					Objects.requireNonNullElseGet(price.getCacheMissInput(),
							() -> required(fallback, prefix + "cache-miss-input").cacheMissInput()),
					Objects.requireNonNullElseGet(price.getOutput(),
							() -> required(fallback, prefix + "output").output()),
					Objects.requireNonNullElseGet(price.getCurrency(),
							() -> required(fallback, prefix + "currency").currency()),
					Objects.requireNonNullElseGet(price.getEffectiveDate(),
							() -> required(fallback, prefix + "effective-date").effectiveDate()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(prefix + "*", model, ex.getMessage());
		}
	}

	private static ModelPrice required(@Nullable ModelPrice fallback, String property) {
		if (fallback == null) {
			throw new InvalidConfigurationPropertyValueException(property, null,
					"A model without a published default price must set every price field");
		}
		return fallback;
	}

}
