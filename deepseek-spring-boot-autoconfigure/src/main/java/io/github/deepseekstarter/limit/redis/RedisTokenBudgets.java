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

package io.github.deepseekstarter.limit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.deepseekstarter.BudgetPeriod;
import io.github.deepseekstarter.TokenBudget;
import io.github.deepseekstarter.limit.BudgetUse;
import io.github.deepseekstarter.limit.TokenBudgetCheck;
import io.github.deepseekstarter.limit.TokenBudgetExceededException;
import io.github.deepseekstarter.limit.TokenBudgets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;

/**
 * Token budgets counted in Redis, so that every replica of an account counts one budget
 * per tenant and period. A call that reports usage costs one script call (both periods
 * incremented, their expiry set); admission of a tenant with a budget costs one
 * {@code MGET}, except while the tenant is known to be over its budget: then replicas
 * reject it locally until the reset. When Redis does not answer within the timeout the
 * budget is not enforced for that call (budgets fail open; the concurrency leases are
 * what protects the account). Periods are UTC hours and days of this replica's clock.
 */
public final class RedisTokenBudgets implements TokenBudgets {

	private static final Log logger = LogFactory.getLog(RedisTokenBudgets.class);

	/** Read once, so that no call reads a file on the reactive path. */
	private static final ByteBuffer RECORD = script("record-tokens.lua");

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final String namespace;

	private final Duration timeout;

	private final Clock clock;

	/** What this replica last learnt of each tenant's use. */
	private final Map<String, Known> known = new ConcurrentHashMap<>();

	/**
	 * Creates budgets in Redis.
	 * @param connectionFactory the connections to Redis
	 * @param namespace the prefix of the keys, shared by one account's replicas
	 * @param timeout the longest wait for Redis on admission
	 * @param clock the clock whose UTC hours and days are the periods
	 */
	public RedisTokenBudgets(ReactiveRedisConnectionFactory connectionFactory, String namespace, Duration timeout,
			Clock clock) {
		this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		this.namespace = Objects.requireNonNull(namespace, "namespace must not be null");
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public Mono<Void> check(String tenant, String tier, TokenBudget budget) {
		Instant now = this.clock.instant();
		Known known = this.known.get(tenant);
		if (known != null && known.exceeded != null && now.isBefore(known.exceeded.resetsAt())) {
			return Mono.error(known.exceeded);
		}
		Keys keys = keys(tenant, now);
		return Mono
			.usingWhen(Mono.fromSupplier(this.connectionFactory::getReactiveConnection),
					(connection) -> connection.stringCommands().mGet(List.of(bytes(keys.hour), bytes(keys.day))),
					(connection) -> connection.closeLater())
			.timeout(this.timeout)
			.flatMap((values) -> {
				long hourly = number(values.get(0));
				long daily = number(values.get(1));
				TokenBudgetExceededException exceeded = TokenBudgetCheck.exceeded(tier, budget, hourly, daily, now);
				this.known.put(tenant, new Known(keys, hourly, daily, exceeded));
				return (exceeded != null) ? Mono.<Void>error(exceeded) : Mono.<Void>empty();
			})
			.onErrorResume((ex) -> !(ex instanceof TokenBudgetExceededException), (ex) -> {
				logger.warn("Redis did not answer a token budget check; the call runs without it: " + ex);
				return Mono.empty();
			});
	}

	@Override
	public void record(String tenant, TokenBudget budget, long tokens) {
		if (tokens <= 0) {
			return;
		}
		Instant now = this.clock.instant();
		Keys keys = keys(tenant, now);
		long hourTtl = Duration.between(now, BudgetPeriod.HOUR.reset(now)).toSeconds() + 60;
		long dayTtl = Duration.between(now, BudgetPeriod.DAY.reset(now)).toSeconds() + 60;
		Mono.usingWhen(Mono.fromSupplier(this.connectionFactory::getReactiveConnection),
				(connection) -> connection.scriptingCommands()
					.eval(RECORD.duplicate(), ReturnType.MULTI, 2, bytes(keys.hour), bytes(keys.day),
							bytes(Long.toString(tokens)), bytes(Long.toString(hourTtl)), bytes(Long.toString(dayTtl)))
					.next(),
				(connection) -> connection.closeLater())
			.subscribe((reply) -> {
				List<?> totals = (List<?>) reply;
				this.known.put(tenant, new Known(keys, ((Number) totals.get(0)).longValue(),
						((Number) totals.get(1)).longValue(), null));
			}, (ex) -> logger.warn("Redis did not count a call's tokens against its tenant's budget: " + ex));
	}

	@Override
	public BudgetUse use(String tenant, TokenBudget budget) {
		Known known = this.known.get(tenant);
		if (known == null) {
			return BudgetUse.NONE;
		}
		Keys current = keys(tenant, this.clock.instant());
		return new BudgetUse(current.hour.equals(known.keys.hour) ? known.hourly : 0,
				current.day.equals(known.keys.day) ? known.daily : 0);
	}

	/**
	 * Returns the key of a tenant's counter of the period that holds an instant.
	 * @param tenant the tenant
	 * @param period the period
	 * @param now the instant
	 * @return the key
	 */
	public String key(String tenant, BudgetPeriod period, Instant now) {
		// The tenant is the hash tag, so that the script's two keys share a slot.
		return this.namespace + ":budget:{" + tenant + "}:" + period.property() + ":"
				+ period.start(now).getEpochSecond();
	}

	private Keys keys(String tenant, Instant now) {
		return new Keys(key(tenant, BudgetPeriod.HOUR, now), key(tenant, BudgetPeriod.DAY, now));
	}

	private static long number(@Nullable ByteBuffer value) {
		return (value != null && value.hasRemaining()) ? Long.parseLong(StandardCharsets.UTF_8.decode(value).toString())
				: 0;
	}

	private static ByteBuffer script(String name) {
		try (InputStream in = RedisTokenBudgets.class.getResourceAsStream(name)) {
			Objects.requireNonNull(in, () -> "Missing script " + name);
			return ByteBuffer.wrap(in.readAllBytes()).asReadOnlyBuffer();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ByteBuffer bytes(String value) {
		return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
	}

	private record Keys(String hour, String day) {

	}

	private record Known(Keys keys, long hourly, long daily, @Nullable TokenBudgetExceededException exceeded) {

	}

}
