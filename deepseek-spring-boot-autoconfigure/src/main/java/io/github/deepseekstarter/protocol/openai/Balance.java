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

package io.github.deepseekstarter.protocol.openai;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code GET /user/balance}, which costs no tokens.
 *
 * @param available whether the balance is enough for API calls
 * @param balanceInfos the balance per currency
 */
public record Balance(@JsonProperty("is_available") boolean available, List<BalanceInfo> balanceInfos) {

	/**
	 * The balance in one currency. DeepSeek sends the amounts as strings.
	 *
	 * @param currency {@code CNY} or {@code USD}
	 * @param totalBalance granted plus topped up
	 * @param grantedBalance the granted part
	 * @param toppedUpBalance the topped up part
	 */
	public record BalanceInfo(String currency, BigDecimal totalBalance, BigDecimal grantedBalance,
			BigDecimal toppedUpBalance) {
	}

}
