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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The settings of a {@link RedisAccountPermitsFactory}, validated; every message names
 * the property the value comes from.
 *
 * @param namespace the name shared by the replicas of one account, the hash tag of its
 * keys and channels ({@code deepseek.distributed.namespace}, else derived from
 * {@code deepseek.account})
 * @param leaseTime how long a lease lives without a heartbeat
 * ({@code deepseek.distributed.lease-time}); heartbeats run every third of it
 * @param commandTimeout how long to wait for Redis before the outage policy applies
 * ({@code deepseek.distributed.command-timeout})
 * @param outagePolicy what the lanes do while Redis does not answer
 * ({@code deepseek.distributed.outage-policy})
 * @param expectedReplicas how many replicas share the account, to size the local share of
 * {@link OutagePolicy#LOCAL_SHARE} ({@code deepseek.distributed.expected-replicas})
 * @param namespaceSource where the namespace comes from
 */
public record RedisPermitsSettings(String namespace, Duration leaseTime, Duration commandTimeout,
		OutagePolicy outagePolicy, int expectedReplicas, NamespaceSource namespaceSource) {

	private static final Duration MIN_LEASE_TIME = Duration.ofMillis(300);

	/**
	 * Validates the settings.
	 * @param namespace the key prefix
	 * @param leaseTime the lease time, at least 300 ms
	 * @param commandTimeout the command timeout, positive and below the lease time
	 * @param outagePolicy the outage policy
	 * @param expectedReplicas the expected number of replicas, at least 1
	 * @param namespaceSource where the namespace comes from
	 */
	public RedisPermitsSettings {
		Objects.requireNonNull(namespace, "deepseek.distributed.namespace must not be null");
		if (namespace.isBlank()
				|| namespace.chars().anyMatch((c) -> Character.isWhitespace(c) || c == '{' || c == '}')) {
			throw invalid("deepseek.distributed.namespace", "must be non-empty without whitespace or braces",
					namespace);
		}
		Objects.requireNonNull(leaseTime, "deepseek.distributed.lease-time must not be null");
		if (leaseTime.compareTo(MIN_LEASE_TIME) < 0) {
			throw invalid("deepseek.distributed.lease-time", "must be at least " + MIN_LEASE_TIME.toMillis() + "ms",
					leaseTime);
		}
		Objects.requireNonNull(commandTimeout, "deepseek.distributed.command-timeout must not be null");
		if (commandTimeout.isZero() || commandTimeout.isNegative() || commandTimeout.compareTo(leaseTime) >= 0) {
			throw invalid("deepseek.distributed.command-timeout",
					"must be positive and shorter than deepseek.distributed.lease-time", commandTimeout);
		}
		Objects.requireNonNull(outagePolicy, "deepseek.distributed.outage-policy must not be null");
		if (expectedReplicas < 1) {
			throw invalid("deepseek.distributed.expected-replicas", "must be at least 1", expectedReplicas);
		}
		Objects.requireNonNull(namespaceSource, "namespaceSource must not be null");
	}

	/**
	 * Validates settings whose namespace is given as is.
	 * @param namespace the namespace
	 * @param leaseTime the lease time, at least 300 ms
	 * @param commandTimeout the command timeout, positive and below the lease time
	 * @param outagePolicy the outage policy
	 * @param expectedReplicas the expected number of replicas, at least 1
	 */
	public RedisPermitsSettings(String namespace, Duration leaseTime, Duration commandTimeout,
			OutagePolicy outagePolicy, int expectedReplicas) {
		this(namespace, leaseTime, commandTimeout, outagePolicy, expectedReplicas, NamespaceSource.NAMESPACE);
	}

	/**
	 * Returns the namespace of a named account, shared by every service and key of it.
	 * @param account the account's name ({@code deepseek.account})
	 * @return the namespace
	 */
	public static String namespaceOfAccount(String account) {
		return "deepseek:" + account;
	}

	/**
	 * Returns the default namespace of an unnamed account: a short SHA-256 digest of its
	 * API key, so that replicas of one account share their leases and the key never
	 * reaches Redis.
	 * @param apiKey the account's API key
	 * @return the namespace
	 */
	public static String namespaceOf(String apiKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
			return "deepseek:" + HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	/**
	 * Returns how often each lane's leases are renewed: a third of the lease time, so
	 * that two heartbeats may fail before a live lease expires.
	 * @return the heartbeat interval
	 */
	public Duration heartbeatInterval() {
		return this.leaseTime.dividedBy(3);
	}

	/**
	 * Returns how long a lane refuses new leases beyond each replica's grace share once
	 * Redis lost its data: the time for every live replica to restore its leases, one
	 * heartbeat plus twice the command timeout (the breaker's wait and the round trip).
	 * @return the grace period
	 */
	public Duration gracePeriod() {
		return heartbeatInterval().plus(this.commandTimeout.multipliedBy(2));
	}

	/**
	 * Returns the number of permits a replica may grant locally in a lane of the given
	 * limit under {@link OutagePolicy#LOCAL_SHARE}.
	 * @param limit the lane's limit
	 * @return the local share, at least 1
	 */
	public int localShare(int limit) {
		return Math.max(1, limit / this.expectedReplicas);
	}

	private static IllegalArgumentException invalid(String property, String rule, Object value) {
		return new IllegalArgumentException(property + " " + rule + " but was " + value);
	}

	/**
	 * Where the namespace of an account comes from.
	 */
	public enum NamespaceSource {

		/** Given as is ({@code deepseek.distributed.namespace}). */
		NAMESPACE,

		/** Derived from the account's name ({@code deepseek.account}). */
		ACCOUNT,

		/**
		 * Derived from the API key, because the account is not named: another key of the
		 * same account gets another namespace, and the two do not share their limits.
		 */
		API_KEY

	}

}
