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
package io.github.deepseekstarter;

/**
 * The names of the configuration properties, the one table every message that must name a
 * property takes them from. Map properties are prefixes: {@link #entry} adds the key.
 */
public final class DeepSeekPropertyNames {

	/**
	 * The prefix of every property.
	 */
	public static final String PREFIX = "deepseek";

	public static final String API_KEY = PREFIX + ".api-key";

	public static final String ACCOUNT = PREFIX + ".account";

	public static final String BASE_URL = PREFIX + ".base-url";

	public static final String MODEL = PREFIX + ".model";

	public static final String PROTOCOL = PREFIX + ".protocol";

	public static final String LIMITS = PREFIX + ".limits";

	public static final String LIMITS_MODELS = LIMITS + ".models";

	public static final String LIMITS_ALIASES = LIMITS + ".aliases";

	public static final String LIMITS_DEFAULT_LIMIT = LIMITS + ".default-limit";

	public static final String LIMITS_PER_USER = LIMITS + ".per-user";

	public static final String LIMITS_PER_USER_BY_MODEL = LIMITS + ".per-user-by-model";

	public static final String LIMITS_BACKGROUND_SHARE = LIMITS + ".background-share";

	public static final String LIMITS_OVERFLOW = LIMITS + ".overflow";

	public static final String LIMITS_MAX_IDLE_TENANTS = LIMITS + ".max-idle-tenants";

	public static final String ADAPTIVE_DECREASE_FACTOR = LIMITS + ".adaptive.decrease-factor";

	public static final String ADAPTIVE_SUCCESSES_PER_INCREASE = LIMITS + ".adaptive.successes-per-increase";

	public static final String ADAPTIVE_LEARNT_LIMIT_TTL = LIMITS + ".adaptive.learnt-limit-ttl";

	public static final String QUEUE_MAX_SIZE = PREFIX + ".queue.max-size";

	public static final String QUEUE_MAX_WAIT = PREFIX + ".queue.max-wait";

	public static final String TIMEOUTS = PREFIX + ".timeouts";

	public static final String TIMEOUTS_CONNECT = PREFIX + ".timeouts.connect";

	public static final String TIMEOUTS_PRE_INFERENCE = PREFIX + ".timeouts.pre-inference";

	public static final String TIMEOUTS_IDLE = PREFIX + ".timeouts.idle";

	public static final String RESPONSE = PREFIX + ".response";

	public static final String RESPONSE_MAX_EVENT_SIZE = PREFIX + ".response.max-event-size";

	public static final String RESPONSE_MAX_BODY_SIZE = PREFIX + ".response.max-body-size";

	public static final String POOL_MAX_CONNECTIONS = PREFIX + ".pool.max-connections";

	public static final String POOL_PENDING_ACQUIRE_MAX_COUNT = PREFIX + ".pool.pending-acquire-max-count";

	public static final String POOL_PENDING_ACQUIRE_TIMEOUT = PREFIX + ".pool.pending-acquire-timeout";

	public static final String USER_ID_POLICY = PREFIX + ".user-id.policy";

	public static final String USER_ID_SECRET = PREFIX + ".user-id.secret";

	public static final String USER_ID_CLAIM = PREFIX + ".user-id.claim";

	public static final String USER_ID_ANONYMOUS = PREFIX + ".user-id.anonymous";

	public static final String USER_ID_ANONYMOUS_ID = PREFIX + ".user-id.anonymous-id";

	public static final String USER_ID_ALLOW_OVERRIDE = PREFIX + ".user-id.allow-override";

	public static final String RETRY = PREFIX + ".retry";

	public static final String RETRY_MAX_ATTEMPTS = PREFIX + ".retry.max-attempts";

	public static final String RETRY_INITIAL_BACKOFF = PREFIX + ".retry.initial-backoff";

	public static final String RETRY_MULTIPLIER = PREFIX + ".retry.multiplier";

	public static final String RETRY_MAX_BACKOFF = PREFIX + ".retry.max-backoff";

	public static final String RETRY_MAX_RETRY_AFTER = PREFIX + ".retry.max-retry-after";

	public static final String DISTRIBUTED = PREFIX + ".distributed";

	public static final String DISTRIBUTED_ENABLED = PREFIX + ".distributed.enabled";

	public static final String DISTRIBUTED_NAMESPACE = PREFIX + ".distributed.namespace";

	public static final String DISTRIBUTED_LEASE_TIME = PREFIX + ".distributed.lease-time";

	public static final String DISTRIBUTED_COMMAND_TIMEOUT = PREFIX + ".distributed.command-timeout";

	public static final String DISTRIBUTED_OUTAGE_POLICY = PREFIX + ".distributed.outage-policy";

	public static final String DISTRIBUTED_EXPECTED_REPLICAS = PREFIX + ".distributed.expected-replicas";

	public static final String TENANTS = PREFIX + ".tenants";

	public static final String TIERS = PREFIX + ".tiers";

	public static final String TIERS_RESERVED_SHARE = TIERS + ".*.reserved-share";

	public static final String TENANT_TIER_AUTHORITY_PREFIX = PREFIX + ".tenant-tier.authority-prefix";

	public static final String BUDGETS_CACHE_HIT_RATE = PREFIX + ".budgets.cache-hit-rate";

	public static final String HEALTH_TIMEOUT = PREFIX + ".health.timeout";

	public static final String METRICS_TENANT_TAGS_MAX = PREFIX + ".metrics.tenant-tags.max";

	private DeepSeekPropertyNames() {
	}

	/**
	 * Returns the name of one entry of a map property.
	 * @param map the map property, such as {@link #LIMITS_MODELS}
	 * @param key the key
	 * @return the entry's name, such as {@code deepseek.limits.models.deepseek-v4-pro}
	 */
	public static String entry(String map, Object key) {
		return map + "." + key;
	}

	/**
	 * Returns the reserved-share property of a tier.
	 * @param tier the tier
	 * @return the property's name
	 */
	public static String reservedShare(String tier) {
		return TIERS + "." + tier + ".reserved-share";
	}

}
