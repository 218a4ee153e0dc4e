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

import java.time.Duration;

import io.github.deepseekstarter.DeepSeekPropertyNames;
import io.github.deepseekstarter.limit.redis.OutagePolicy;
import io.github.deepseekstarter.limit.redis.RedisPermitsSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Settings of distributed mode, where the account permits of every model are leases in
 * Redis shared by all replicas of the application.
 */
@ConfigurationProperties("deepseek.distributed")
public class DeepSeekDistributedProperties {

	/**
	 * Whether account permits are leases in Redis shared by every replica of the same
	 * namespace, instead of a local limit per replica.
	 */
	private boolean enabled;

	/**
	 * Name shared by the replicas of one account, the hash tag of its Redis keys and
	 * channels. Defaults to "deepseek:" followed by deepseek.account, else to a short
	 * SHA-256 digest of deepseek.api-key (never the key itself).
	 */
	private @Nullable String namespace;

	/**
	 * How long a lease lives without a heartbeat: a stopped replica's permits come back
	 * after it. Heartbeats run every third of it.
	 */
	private Duration leaseTime = RedisPermitsSettings.DEFAULT_LEASE_TIME;

	/**
	 * Maximum time to wait for one Redis reply. A run of late or failed replies opens the
	 * circuit breaker around Redis (the outage policy then applies), which stays open for
	 * this long before it probes Redis again.
	 */
	private Duration commandTimeout = RedisPermitsSettings.DEFAULT_COMMAND_TIMEOUT;

	/**
	 * What the lanes do while Redis does not answer: local-share grants each replica its
	 * share of the limit, fail-closed grants nothing.
	 */
	private OutagePolicy outagePolicy = RedisPermitsSettings.DEFAULT_OUTAGE_POLICY;

	/**
	 * Number of replicas sharing the account; each takes the limit divided by it while
	 * Redis does not answer under the local-share policy.
	 */
	private int expectedReplicas = RedisPermitsSettings.DEFAULT_EXPECTED_REPLICAS;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getNamespace() {
		return this.namespace;
	}

	public void setNamespace(@Nullable String namespace) {
		this.namespace = namespace;
	}

	public Duration getLeaseTime() {
		return this.leaseTime;
	}

	public void setLeaseTime(Duration leaseTime) {
		this.leaseTime = leaseTime;
	}

	public Duration getCommandTimeout() {
		return this.commandTimeout;
	}

	public void setCommandTimeout(Duration commandTimeout) {
		this.commandTimeout = commandTimeout;
	}

	public OutagePolicy getOutagePolicy() {
		return this.outagePolicy;
	}

	public void setOutagePolicy(OutagePolicy outagePolicy) {
		this.outagePolicy = outagePolicy;
	}

	public int getExpectedReplicas() {
		return this.expectedReplicas;
	}

	public void setExpectedReplicas(int expectedReplicas) {
		this.expectedReplicas = expectedReplicas;
	}

	/**
	 * Validates these properties and turns them into the settings of the permits factory;
	 * a mistake fails startup with the name of the property to fix.
	 * @param account the account's name, from which the namespace derives
	 * @param apiKey the account's API key, from which the namespace derives when the
	 * account is not named
	 * @return the settings
	 */
	RedisPermitsSettings toSettings(@Nullable String account, @Nullable String apiKey) {
		String namespace = this.namespace;
		RedisPermitsSettings.NamespaceSource source = RedisPermitsSettings.NamespaceSource.NAMESPACE;
		if (namespace == null && account != null) {
			if (!StringUtils.hasText(account)) {
				throw new InvalidConfigurationPropertyValueException(DeepSeekPropertyNames.ACCOUNT, account,
						"Must not be empty, for example my-company-prod.");
			}
			namespace = RedisPermitsSettings.namespaceOfAccount(account);
			source = RedisPermitsSettings.NamespaceSource.ACCOUNT;
		}
		else if (namespace == null) {
			if (!StringUtils.hasText(apiKey)) {
				throw new InvalidConfigurationPropertyValueException(DeepSeekPropertyNames.ACCOUNT, null,
						"Distributed mode needs a namespace shared by the replicas of one account: set "
								+ DeepSeekPropertyNames.ACCOUNT + " (or " + DeepSeekPropertyNames.DISTRIBUTED_NAMESPACE
								+ ").");
			}
			namespace = RedisPermitsSettings.namespaceOf(apiKey);
			source = RedisPermitsSettings.NamespaceSource.API_KEY;
		}
		return LibrarySettings.redisPermitsSettings(this, source, namespace);
	}

}
