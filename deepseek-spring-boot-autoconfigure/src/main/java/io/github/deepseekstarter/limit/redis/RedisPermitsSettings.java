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

import io.github.deepseekstarter.InvalidSettingException;

/**
 * The settings of a {@link RedisAccountPermitsFactory}, validated; an invalid value fails
 * with an {@link InvalidSettingException} naming its component. The {@code DEFAULT_*}
 * constants are the defaults.
 *
 * @param namespace the name shared by the replicas of one account, the hash tag of its
 * keys and channels
 * @param leaseTime how long a lease lives without a heartbeat; heartbeats run every third
 * of it
 * @param commandTimeout how long to wait for Redis before the outage policy applies
 * @param outagePolicy what the lanes do while Redis does not answer
 * @param expectedReplicas how many replicas share the account, to size the local share of
 * {@link OutagePolicy#LOCAL_SHARE}
 * @param namespaceSource where the namespace comes from
 */
public record RedisPermitsSettings(String namespace, Duration leaseTime, Duration commandTimeout,
		OutagePolicy outagePolicy, int expectedReplicas, NamespaceSource namespaceSource) {

	/**
	 * The shortest lease time: a heartbeat every third of it must still fit a round trip.
	 */
	public static final Duration MIN_LEASE_TIME = Duration.ofMillis(300);

	public static final Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(30);

	public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(1);

	public static final OutagePolicy DEFAULT_OUTAGE_POLICY = OutagePolicy.FAIL_CLOSED;

	public static final int DEFAULT_EXPECTED_REPLICAS = 1;

	/**
	 * Validates the settings.
	 * @param namespace the key prefix, non-empty without whitespace or braces
	 * @param leaseTime the lease time, at least 300 ms
	 * @param commandTimeout the command timeout, positive and below the lease time
	 * @param outagePolicy the outage policy
	 * @param expectedReplicas the expected number of replicas, at least 1
	 * @param namespaceSource where the namespace comes from
	 */
	public RedisPermitsSettings {
		if (namespace == null || namespace.isBlank()
				|| namespace.chars().anyMatch((c) -> Character.isWhitespace(c) || c == '{' || c == '}')) {
			throw new InvalidSettingException("namespace", "must be non-empty without whitespace or braces", namespace);
		}
		if (leaseTime == null || leaseTime.compareTo(MIN_LEASE_TIME) < 0) {
			throw new InvalidSettingException("leaseTime", "must be at least " + MIN_LEASE_TIME.toMillis() + "ms",
					leaseTime);
		}
		if (commandTimeout == null || commandTimeout.isZero() || commandTimeout.isNegative()
				|| commandTimeout.compareTo(leaseTime) >= 0) {
			throw new InvalidSettingException("commandTimeout",
					"must be positive and shorter than the lease time " + leaseTime, commandTimeout);
		}
		if (outagePolicy == null) {
			throw new InvalidSettingException("outagePolicy", "must be set", null);
		}
		if (expectedReplicas < 1) {
			throw new InvalidSettingException("expectedReplicas", "must be at least 1", expectedReplicas);
		}
		Objects.requireNonNull(namespaceSource, "namespaceSource must not be null");
	}

	/**
	 * Creates settings with a namespace set as such.
	 * @param namespace the key prefix
	 * @param leaseTime the lease time
	 * @param commandTimeout the command timeout
	 * @param outagePolicy the outage policy
	 * @param expectedReplicas the expected number of replicas
	 */
	public RedisPermitsSettings(String namespace, Duration leaseTime, Duration commandTimeout,
			OutagePolicy outagePolicy, int expectedReplicas) {
		this(namespace, leaseTime, commandTimeout, outagePolicy, expectedReplicas, NamespaceSource.NAMESPACE);
	}

	/**
	 * Returns the namespace of a named account, shared by every service and key of it.
	 * @param account the account's name
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

	/**
	 * Where the namespace of an account comes from.
	 */
	public enum NamespaceSource {

		/** Given as is. */
		NAMESPACE,

		/** Derived from the account's name. */
		ACCOUNT,

		/**
		 * Derived from the API key, because the account is not named: another key of the
		 * same account gets another namespace, and the two do not share their limits.
		 */
		API_KEY

	}

}
