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

package io.github.deepseekstarter.actuate;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.deepseekstarter.DeepSeekApiException;
import io.github.deepseekstarter.DeepSeekPropertyNames;
import io.github.deepseekstarter.client.DeepSeekTemplate;
import io.github.deepseekstarter.protocol.openai.Balance;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Status;

/**
 * Reads the account balance (which costs no tokens) at most once per time to live, and
 * tells what it means for the account's health.
 */
final class BalanceCheck {

	private final Mono<Result> cached;

	BalanceCheck(DeepSeekTemplate template, Duration timeToLive, Duration timeout) {
		this.cached = Mono.defer(template::balance)
			.timeout(timeout)
			.map(BalanceCheck::fromBalance)
			.onErrorResume((ex) -> Mono.just(fromError(ex, timeout)))
			.cache(timeToLive);
	}

	Mono<Result> result() {
		return this.cached;
	}

	private static Result fromBalance(Balance balance) {
		return balance.available() ? new Result(Status.UP, "available")
				: new Result(Status.DOWN, "not available: top up the DeepSeek account");
	}

	private static Result fromError(Throwable ex, Duration timeout) {
		if (ex instanceof DeepSeekApiException.Authentication) {
			return new Result(Status.DOWN, "authentication failed (401): check " + DeepSeekPropertyNames.API_KEY);
		}
		if (ex instanceof DeepSeekApiException.InsufficientBalance) {
			return new Result(Status.DOWN, "insufficient balance (402): top up the DeepSeek account");
		}
		if (ex instanceof TimeoutException) {
			return new Result(Status.UNKNOWN,
					"no answer within " + timeout + " (" + DeepSeekPropertyNames.HEALTH_TIMEOUT + ")");
		}
		return new Result(Status.UNKNOWN, "check failed: " + ex.getMessage());
	}

	/**
	 * What the balance says of the account.
	 *
	 * @param status the account's status
	 * @param description why, in a sentence
	 */
	record Result(Status status, String description) {

	}

}
