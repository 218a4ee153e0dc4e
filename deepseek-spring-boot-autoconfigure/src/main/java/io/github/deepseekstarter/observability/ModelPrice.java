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
import java.util.Objects;

import io.github.deepseekstarter.TokenUsage;

/**
 * What one model's tokens cost, per million, from an effective date.
 *
 * @param cacheHitInput the price of a million input tokens served from the context cache
 * @param cacheMissInput the price of a million input tokens not found in the cache
 * @param output the price of a million output tokens, reasoning included
 * @param currency the currency of the prices, such as {@code USD}
 * @param effectiveDate the day the prices took effect
 */
public record ModelPrice(BigDecimal cacheHitInput, BigDecimal cacheMissInput, BigDecimal output, String currency,
		LocalDate effectiveDate) {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	/**
	 * Creates a price, checking that no amount is negative.
	 * @param cacheHitInput the cache-hit input price per million tokens
	 * @param cacheMissInput the cache-miss input price per million tokens
	 * @param output the output price per million tokens
	 * @param currency the currency
	 * @param effectiveDate the day the prices took effect
	 */
	public ModelPrice {
		Objects.requireNonNull(currency, "currency must not be null");
		Objects.requireNonNull(effectiveDate, "effectiveDate must not be null");
		for (BigDecimal amount : new BigDecimal[] { cacheHitInput, cacheMissInput, output }) {
			if (amount == null || amount.signum() < 0) {
				throw new IllegalArgumentException("Token prices must be 0 or more but were " + cacheHitInput + " / "
						+ cacheMissInput + " / " + output + " " + currency);
			}
		}
	}

	/**
	 * What a call's tokens cost. Input tokens the server did not split into hits and
	 * misses are priced as misses.
	 * @param usage the tokens
	 * @return the cost in {@link #currency()}
	 */
	public BigDecimal cost(TokenUsage usage) {
		long unsplit = Math.max(0, (long) usage.input() - usage.cacheHit() - usage.cacheMiss());
		return this.cacheHitInput.multiply(BigDecimal.valueOf(usage.cacheHit()))
			.add(this.cacheMissInput.multiply(BigDecimal.valueOf(usage.cacheMiss() + unsplit)))
			.add(this.output.multiply(BigDecimal.valueOf(usage.output())))
			.divide(MILLION);
	}

}
