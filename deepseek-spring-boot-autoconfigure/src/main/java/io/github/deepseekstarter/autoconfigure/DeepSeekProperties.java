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

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.deepseekstarter.client.DeepSeekConnector;
import io.github.deepseekstarter.client.DeepSeekProtocol;
import io.github.deepseekstarter.client.DeepSeekResponseLimits;
import io.github.deepseekstarter.client.DeepSeekTemplateBuilder;
import io.github.deepseekstarter.client.DeepSeekTimeouts;
import io.github.deepseekstarter.identity.AnonymousMode;
import io.github.deepseekstarter.identity.UserIdPolicyType;
import io.github.deepseekstarter.limit.LimiterConfig;
import io.github.deepseekstarter.retry.RetrySettings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the DeepSeek client, checked once bound so that a mistake
 * fails startup with the name of the property to fix.
 */
@ConfigurationProperties("deepseek")
public class DeepSeekProperties implements InitializingBean {

	/**
	 * API key of the DeepSeek account. Sent only in the Authorization header; never
	 * logged or exposed.
	 */
	private @Nullable String apiKey;

	/**
	 * Name of the DeepSeek account the API key belongs to. DeepSeek counts concurrency
	 * per account, whatever key is used: in distributed mode every service and key of one
	 * account must share its limits, so the Redis namespace derives from this name.
	 */
	private @Nullable String account;

	/**
	 * Base URL of DeepSeek's API.
	 */
	private URI baseUrl = DeepSeekConnector.DEFAULT_BASE_URL;

	/**
	 * Model used by requests that name none.
	 */
	private String model = DeepSeekTemplateBuilder.DEFAULT_MODEL;

	/**
	 * Wire format of protocol-neutral chat calls: openai (POST /chat/completions) or
	 * anthropic (POST /anthropic/v1/messages). Both share the lanes, the user id and the
	 * metrics.
	 */
	private DeepSeekProtocol protocol = DeepSeekTemplateBuilder.DEFAULT_PROTOCOL;

	private final Limits limits = new Limits();

	private final Queue queue = new Queue();

	private final Timeouts timeouts = new Timeouts();

	private final Response response = new Response();

	private final Pool pool = new Pool();

	private final UserId userId = new UserId();

	private final Retry retry = new Retry();

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getAccount() {
		return this.account;
	}

	public void setAccount(@Nullable String account) {
		this.account = account;
	}

	public URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getModel() {
		return this.model;
	}

	public void setModel(String model) {
		this.model = model;
	}

	public DeepSeekProtocol getProtocol() {
		return this.protocol;
	}

	public void setProtocol(DeepSeekProtocol protocol) {
		this.protocol = protocol;
	}

	public Limits getLimits() {
		return this.limits;
	}

	public Queue getQueue() {
		return this.queue;
	}

	public Timeouts getTimeouts() {
		return this.timeouts;
	}

	public Response getResponse() {
		return this.response;
	}

	public Pool getPool() {
		return this.pool;
	}

	public UserId getUserId() {
		return this.userId;
	}

	public Retry getRetry() {
		return this.retry;
	}

	@Override
	public void afterPropertiesSet() {
		DeepSeekPropertiesValidator.validate(this);
	}

	@Override
	public String toString() {
		return "DeepSeekProperties[baseUrl=" + this.baseUrl + ", model=" + this.model + ", apiKey="
				+ ((this.apiKey != null) ? "<redacted>" : "<unset>") + "]";
	}

	/**
	 * Concurrency lanes: DeepSeek counts concurrency per account and per model, from
	 * sending until the response's last byte, whatever API key is used.
	 */
	public static class Limits {

		/**
		 * Account concurrency limit per model. A request never goes out when its model's
		 * lane is full; it waits in the queue instead.
		 */
		private final Map<String, Integer> models = new LinkedHashMap<>(LimiterConfig.DEFAULT_MODEL_LIMITS);

		/**
		 * Model names that share another model's lane, such as older names of the Flash
		 * model.
		 */
		private final Map<String, String> aliases = new LinkedHashMap<>(LimiterConfig.DEFAULT_ALIASES);

		/**
		 * Concurrency limit of the lane shared by models that have no lane of their own.
		 */
		private int defaultLimit = LimiterConfig.DEFAULT_DEFAULT_LIMIT;

		/**
		 * Maximum concurrent requests of one user_id in each model's lane. 0 means no
		 * cap.
		 */
		private int perUser = LimiterConfig.DEFAULT_PER_USER;

		/**
		 * Maximum concurrent requests of one user_id in a given model's lane, overriding
		 * per-user.
		 */
		private final Map<String, Integer> perUserByModel = new LinkedHashMap<>();

		/**
		 * Largest share of a lane's permits that background requests may hold, so that
		 * interactive requests always find room.
		 */
		private double backgroundShare = LimiterConfig.DEFAULT_BACKGROUND_SHARE;

		/**
		 * Lane a request that allows overflow is routed to when its own lane is full.
		 */
		private final Map<String, String> overflow = new LinkedHashMap<>(LimiterConfig.DEFAULT_OVERFLOW);

		/**
		 * Maximum number of idle tenant lanes kept in memory; busy ones are never
		 * evicted.
		 */
		private int maxIdleTenants = LimiterConfig.DEFAULT_MAX_IDLE_TENANTS;

		private final Adaptive adaptive = new Adaptive();

		public Map<String, Integer> getModels() {
			return this.models;
		}

		public Map<String, String> getAliases() {
			return this.aliases;
		}

		public int getDefaultLimit() {
			return this.defaultLimit;
		}

		public void setDefaultLimit(int defaultLimit) {
			this.defaultLimit = defaultLimit;
		}

		public int getPerUser() {
			return this.perUser;
		}

		public void setPerUser(int perUser) {
			this.perUser = perUser;
		}

		public Map<String, Integer> getPerUserByModel() {
			return this.perUserByModel;
		}

		public double getBackgroundShare() {
			return this.backgroundShare;
		}

		public void setBackgroundShare(double backgroundShare) {
			this.backgroundShare = backgroundShare;
		}

		public Map<String, String> getOverflow() {
			return this.overflow;
		}

		public int getMaxIdleTenants() {
			return this.maxIdleTenants;
		}

		public void setMaxIdleTenants(int maxIdleTenants) {
			this.maxIdleTenants = maxIdleTenants;
		}

		public Adaptive getAdaptive() {
			return this.adaptive;
		}

		/**
		 * How a lane learns the account's real limit, which can be lower than the
		 * configured one.
		 */
		public static class Adaptive {

			/**
			 * Factor the effective limit is multiplied by after a 429 that names no
			 * limit.
			 */
			private double decreaseFactor = LimiterConfig.DEFAULT_DECREASE_FACTOR;

			/**
			 * Successful responses needed to raise the effective limit by one, up to the
			 * configured limit.
			 */
			private int successesPerIncrease = LimiterConfig.DEFAULT_SUCCESSES_PER_INCREASE;

			/**
			 * How long a limit named by a 429 caps the recovery; afterwards successes
			 * probe upward again, in case the account's balance raised it.
			 */
			private Duration learntLimitTtl = LimiterConfig.DEFAULT_LEARNT_LIMIT_TTL;

			public double getDecreaseFactor() {
				return this.decreaseFactor;
			}

			public void setDecreaseFactor(double decreaseFactor) {
				this.decreaseFactor = decreaseFactor;
			}

			public int getSuccessesPerIncrease() {
				return this.successesPerIncrease;
			}

			public void setSuccessesPerIncrease(int successesPerIncrease) {
				this.successesPerIncrease = successesPerIncrease;
			}

			public Duration getLearntLimitTtl() {
				return this.learntLimitTtl;
			}

			public void setLearntLimitTtl(Duration learntLimitTtl) {
				this.learntLimitTtl = learntLimitTtl;
			}

		}

	}

	/**
	 * The local queue in front of the lanes, fair across tenants. Past its bounds a call
	 * fails locally and nothing is sent.
	 */
	public static class Queue {

		/**
		 * Maximum number of requests waiting for a permit in one lane.
		 */
		private int maxSize = LimiterConfig.DEFAULT_MAX_QUEUE_SIZE;

		/**
		 * Maximum time a request waits for a permit.
		 */
		private Duration maxWait = LimiterConfig.DEFAULT_MAX_WAIT;

		public int getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(int maxSize) {
			this.maxSize = maxSize;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

	/**
	 * Timeouts that tell a slow connection, a request queued at DeepSeek and a dead
	 * connection apart.
	 */
	public static class Timeouts {

		/**
		 * Maximum time to open a connection.
		 */
		private Duration connect = DeepSeekTimeouts.DEFAULT_CONNECT;

		/**
		 * Maximum time a stream may wait in DeepSeek's queue receiving only keep-alives.
		 * Just above DeepSeek's own 10 minutes so that the server's close is seen and
		 * reported as a server-queue timeout. Non-streamed calls show no sign of
		 * inference until their answer is complete and rely on DeepSeek's close instead.
		 */
		private Duration preInference = DeepSeekTimeouts.DEFAULT_PRE_INFERENCE;

		/**
		 * Maximum time without any byte from DeepSeek, keep-alives included, before the
		 * connection counts as dead.
		 */
		private Duration idle = DeepSeekTimeouts.DEFAULT_IDLE;

		public Duration getConnect() {
			return this.connect;
		}

		public void setConnect(Duration connect) {
			this.connect = connect;
		}

		public Duration getPreInference() {
			return this.preInference;
		}

		public void setPreInference(Duration preInference) {
			this.preInference = preInference;
		}

		public Duration getIdle() {
			return this.idle;
		}

		public void setIdle(Duration idle) {
			this.idle = idle;
		}

	}

	/**
	 * How much of one answer the client holds in memory at most; a larger answer fails
	 * the call instead of exhausting the heap.
	 */
	public static class Response {

		/**
		 * Maximum size of one server-sent event of a streamed answer, or of one of its
		 * lines.
		 */
		private DataSize maxEventSize = DeepSeekResponseLimits.DEFAULT_MAX_EVENT_SIZE;

		/**
		 * Maximum size of the body of a non-streamed answer. DeepSeek answers can be
		 * long: 384K output tokens, reasoning included, come to a few MiB.
		 */
		private DataSize maxBodySize = DeepSeekResponseLimits.DEFAULT_MAX_BODY_SIZE;

		public DataSize getMaxEventSize() {
			return this.maxEventSize;
		}

		public void setMaxEventSize(DataSize maxEventSize) {
			this.maxEventSize = maxEventSize;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

	}

	/**
	 * The tenant's {@code user_id}, which isolates content safety, KV cache and
	 * scheduling between the users of one account.
	 */
	public static class UserId {

		/**
		 * How an identity becomes the user_id sent to DeepSeek: 'hmac' pseudonymizes it
		 * so that no personal data leaves the process, 'raw' sends it as it is after
		 * checking it.
		 */
		private UserIdPolicyType policy = UserIdPolicyType.HMAC;

		/**
		 * Secret of the HMAC-SHA256 pseudonyms, required by the hmac policy. Replicas
		 * sharing it send the same ids; at least 32 bytes, random.
		 */
		private @Nullable String secret;

		/**
		 * Token claim that names the tenant, such as 'tenant_id', for OAuth2 resource
		 * servers. When unset the tenant is the principal name.
		 */
		private @Nullable String claim;

		/**
		 * What a call without identity sends: 'none' sends no user_id, 'shared' sends
		 * anonymous-id, 'reject' fails the call before anything is sent.
		 */
		private AnonymousMode anonymous = AnonymousMode.NONE;

		/**
		 * Identity used for calls without one when anonymous is 'shared'; it goes through
		 * the policy like any other identity.
		 */
		private @Nullable String anonymousId;

		/**
		 * Whether a user_id set on a request may differ from the signed-in caller's. When
		 * false such a request fails before it is sent, so that one tenant cannot take
		 * another's lane by naming its id.
		 */
		private boolean allowOverride;

		public UserIdPolicyType getPolicy() {
			return this.policy;
		}

		public void setPolicy(UserIdPolicyType policy) {
			this.policy = policy;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public @Nullable String getClaim() {
			return this.claim;
		}

		public void setClaim(@Nullable String claim) {
			this.claim = claim;
		}

		public AnonymousMode getAnonymous() {
			return this.anonymous;
		}

		public void setAnonymous(AnonymousMode anonymous) {
			this.anonymous = anonymous;
		}

		public @Nullable String getAnonymousId() {
			return this.anonymousId;
		}

		public void setAnonymousId(@Nullable String anonymousId) {
			this.anonymousId = anonymousId;
		}

		public boolean isAllowOverride() {
			return this.allowOverride;
		}

		public void setAllowOverride(boolean allowOverride) {
			this.allowOverride = allowOverride;
		}

	}

	/**
	 * Retries of transient errors (429, 500, 503). No permit is held while waiting to
	 * retry, and a stream is retried only before its first token.
	 */
	public static class Retry {

		/**
		 * Maximum number of attempts of one call, the first included. 1 disables retries.
		 */
		private int maxAttempts = RetrySettings.DEFAULT_MAX_ATTEMPTS;

		/**
		 * Wait before the first retry, before jitter.
		 */
		private Duration initialBackoff = RetrySettings.DEFAULT_INITIAL_BACKOFF;

		/**
		 * Growth factor of the wait between retries.
		 */
		private double multiplier = RetrySettings.DEFAULT_MULTIPLIER;

		/**
		 * Maximum wait between retries.
		 */
		private Duration maxBackoff = RetrySettings.DEFAULT_MAX_BACKOFF;

		/**
		 * Longest Retry-After header honoured; longer ones are cut to this.
		 */
		private Duration maxRetryAfter = RetrySettings.DEFAULT_MAX_RETRY_AFTER;

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	/**
	 * The dedicated connection pool.
	 */
	public static class Pool {

		/**
		 * Maximum number of connections to DeepSeek. By default the sum of the model
		 * limits plus a tenth for headroom.
		 */
		private @Nullable Integer maxConnections;

		/**
		 * Maximum number of requests waiting for a connection once the pool is exhausted.
		 */
		private int pendingAcquireMaxCount = DeepSeekConnector.DEFAULT_PENDING_ACQUIRE_MAX_COUNT;

		/**
		 * Maximum time a request waits for a connection from the pool.
		 */
		private Duration pendingAcquireTimeout = DeepSeekConnector.DEFAULT_PENDING_ACQUIRE_TIMEOUT;

		public @Nullable Integer getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(@Nullable Integer maxConnections) {
			this.maxConnections = maxConnections;
		}

		public int getPendingAcquireMaxCount() {
			return this.pendingAcquireMaxCount;
		}

		public void setPendingAcquireMaxCount(int pendingAcquireMaxCount) {
			this.pendingAcquireMaxCount = pendingAcquireMaxCount;
		}

		public Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

	}

}
