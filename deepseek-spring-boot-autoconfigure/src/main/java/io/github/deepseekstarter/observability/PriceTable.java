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

package io.github.deepseekstarter.observability;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.deepseekstarter.DeepSeekModels;
import org.jspecify.annotations.Nullable;

/**
 * The prices of DeepSeek's models, by model or lane name.
 */
public final class PriceTable {

	/** The day the defaults took effect: DeepSeek's cut of cache-hit prices. */
	public static final LocalDate DEFAULTS_EFFECTIVE = LocalDate.of(2026, 4, 26);

	private static final PriceTable NONE = new PriceTable(Map.of());

	private final Map<String, ModelPrice> prices;

	private PriceTable(Map<String, ModelPrice> prices) {
		this.prices = Map.copyOf(prices);
	}

	/**
	 * A table with no prices: no cost is recorded.
	 * @return the table
	 */
	public static PriceTable none() {
		return NONE;
	}

	/**
	 * DeepSeek's published prices in USD per million tokens, as seen on its pricing page
	 * after {@link #DEFAULTS_EFFECTIVE}: {@code deepseek-v4-flash} 0.0028 cache hit, 0.14
	 * cache miss, 0.28 output; {@code deepseek-v4-pro} 0.003625, 0.435, 0.87 (under the
	 * 75&nbsp;% discount then running). Prices change: override them in configuration.
	 * @return the table
	 */
	public static PriceTable deepSeekDefaults() {
		Map<String, ModelPrice> prices = new LinkedHashMap<>();
		prices.put(DeepSeekModels.FLASH, usd("0.0028", "0.14", "0.28"));
		prices.put(DeepSeekModels.PRO, usd("0.003625", "0.435", "0.87"));
		return new PriceTable(prices);
	}

	/**
	 * A table of the given prices.
	 * @param prices the price of each model or lane
	 * @return the table
	 */
	public static PriceTable of(Map<String, ModelPrice> prices) {
		return new PriceTable(prices);
	}

	/**
	 * The price of a call: its model's, else its lane's.
	 * @param model the model requested
	 * @param lane the lane it ran in
	 * @return the price, or {@code null} when neither has one
	 */
	public @Nullable ModelPrice priceOf(String model, String lane) {
		ModelPrice price = this.prices.get(model);
		return (price != null) ? price : this.prices.get(lane);
	}

	/**
	 * Every price, by model or lane name.
	 * @return the prices
	 */
	public Map<String, ModelPrice> prices() {
		return this.prices;
	}

	private static ModelPrice usd(String hit, String miss, String output) {
		return new ModelPrice(new BigDecimal(hit), new BigDecimal(miss), new BigDecimal(output), "USD",
				DEFAULTS_EFFECTIVE);
	}

}
