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
package io.github.deepseekstarter.limit;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.deepseekstarter.DeepSeekModels;
import io.github.deepseekstarter.InvalidSettingException;

/**
 * The limits the {@link DeepSeekLimiter} enforces, immutable and validated. The
 * {@code DEFAULT_*} constants are the defaults of every setting; an invalid value fails
 * with an {@link InvalidSettingException} naming the setting (its component, or
 * {@code component[key]} for an entry of a map).
 * <p>
 * Lanes are named by their canonical model; aliases share their lane. A model that is
 * neither a lane nor an alias runs in the single {@value #DEFAULT_LANE} lane with
 * {@link #defaultLimit()}: one shared lane keeps memory bounded whatever names callers
 * send and never exceeds a limit DeepSeek might apply to a model it does not publish.
 *
 * @param modelLimits the configured limit of each lane, by lane name; a limit set under
 * an alias sets its lane
 * @param aliases the model names that share another model's lane
 * @param defaultLimit the limit of the lane of models without a lane of their own
 * @param perUser the cap of permits one tenant may hold in each lane; 0 means none
 * @param perUserByModel the per-tenant caps of single lanes, by lane name
 * @param maxQueueSize how many requests each lane may hold waiting; 0 rejects at once
 * @param maxWait how long a request may wait for a permit; zero rejects at once
 * @param backgroundShare the share, in (0, 1], of a lane background requests may use
 * @param overflow the lane each lane overflows to for requests that allow it
 * @param decreaseFactor the factor, in (0, 1), a 429 without a stated limit multiplies
 * the effective limit by
 * @param successesPerIncrease how many successes raise a lowered limit by one
 * @param learntLimitTtl how long a limit named by a 429 caps the lane's recovery;
 * afterwards successes probe upward again, in case the account's balance raised it
 * @param maxIdleTenants how many tenant lanes each lane keeps when idle
 * @param reservedShares the share of every lane reserved for each tier that has one, each
 * in (0, 1], adding up to at most 1
 */
public record LimiterConfig(Map<String, Integer> modelLimits, Map<String, String> aliases, int defaultLimit,
		int perUser, Map<String, Integer> perUserByModel, int maxQueueSize, Duration maxWait, double backgroundShare,
		Map<String, String> overflow, double decreaseFactor, int successesPerIncrease, Duration learntLimitTtl,
		int maxIdleTenants, Map<String, Double> reservedShares) {

	/**
	 * The pro model and its lane.
	 */
	public static final String PRO = DeepSeekModels.PRO;

	/**
	 * The Flash model and its lane.
	 */
	public static final String FLASH = DeepSeekModels.FLASH;

	/**
	 * The lane of models that have no lane of their own.
	 */
	public static final String DEFAULT_LANE = "default";

	/**
	 * DeepSeek's published concurrency limits per account, by model.
	 */
	public static final Map<String, Integer> DEFAULT_MODEL_LIMITS = ordered(PRO, 500, FLASH, 2500);

	/**
	 * The other names of the Flash model, each sharing its lane.
	 */
	public static final Map<String, String> DEFAULT_ALIASES = ordered(DeepSeekModels.FLASH_SHORT, FLASH,
			DeepSeekModels.CHAT, FLASH, DeepSeekModels.REASONER, FLASH);

	/**
	 * Requests that allow it overflow from the pro lane to the Flash lane.
	 */
	public static final Map<String, String> DEFAULT_OVERFLOW = ordered(PRO, FLASH);

	public static final int DEFAULT_DEFAULT_LIMIT = 500;

	public static final int DEFAULT_PER_USER = 0;

	public static final int DEFAULT_MAX_QUEUE_SIZE = 10_000;

	public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

	public static final double DEFAULT_BACKGROUND_SHARE = 0.5;

	public static final double DEFAULT_DECREASE_FACTOR = 0.9;

	public static final int DEFAULT_SUCCESSES_PER_INCREASE = 10;

	public static final Duration DEFAULT_LEARNT_LIMIT_TTL = Duration.ofMinutes(10);

	public static final int DEFAULT_MAX_IDLE_TENANTS = 10_000;

	/**
	 * Validates the settings, folds limits set under an alias into their lane and caps
	 * set per model into their lane.
	 */
	public LimiterConfig {
		aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
		modelLimits = Collections.unmodifiableMap(resolveLimits(modelLimits, aliases));
		positive(defaultLimit, "defaultLimit");
		notNegative(perUser, "perUser");
		Map<String, Integer> caps = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> cap : perUserByModel.entrySet()) {
			caps.put(lane(cap.getKey(), modelLimits, aliases),
					notNegative(cap.getValue(), InvalidSettingException.entry("perUserByModel", cap.getKey())));
		}
		perUserByModel = Collections.unmodifiableMap(caps);
		notNegative(maxQueueSize, "maxQueueSize");
		notNegative(maxWait, "maxWait");
		share(backgroundShare, "backgroundShare");
		Map<String, String> routes = new LinkedHashMap<>();
		for (Map.Entry<String, String> route : overflow.entrySet()) {
			String setting = InvalidSettingException.entry("overflow", route.getKey());
			routes.put(knownLane(route.getKey(), setting, modelLimits, aliases),
					knownLane(route.getValue(), setting, modelLimits, aliases));
		}
		overflow = Collections.unmodifiableMap(routes);
		if (!(decreaseFactor > 0 && decreaseFactor < 1)) {
			throw new InvalidSettingException("decreaseFactor", "must be in (0, 1)", decreaseFactor);
		}
		positive(successesPerIncrease, "successesPerIncrease");
		notNegative(learntLimitTtl, "learntLimitTtl");
		positive(maxIdleTenants, "maxIdleTenants");
		reservedShares = Collections.unmodifiableMap(reservedShares(reservedShares));
	}

	/**
	 * Returns a builder that starts from the {@code DEFAULT_*} settings.
	 * @return a new builder
	 */
	public static LimiterConfigBuilder builder() {
		return new LimiterConfigBuilder();
	}

	/**
	 * Returns the lane a model runs in: its own, its alias's, or {@value #DEFAULT_LANE}.
	 * @param model the model name
	 * @return the lane name
	 */
	public String lane(String model) {
		return lane(model, this.modelLimits, this.aliases);
	}

	/**
	 * Returns the lane of every model and alias that has one, the default lane aside: the
	 * one place aliases are folded into lanes.
	 * @return the lane name by model name
	 */
	public Map<String, String> lanesByModel() {
		Map<String, String> lanes = new LinkedHashMap<>();
		this.modelLimits.keySet().forEach((lane) -> lanes.put(lane, lane));
		lanes.putAll(this.aliases);
		return lanes;
	}

	/**
	 * Returns the per-tenant cap of a lane: its own or the global one; 0 means no cap.
	 * @param lane the lane name
	 * @return the cap
	 */
	public int perUser(String lane) {
		return this.perUserByModel.getOrDefault(lane, this.perUser);
	}

	private static String lane(String model, Map<String, Integer> limits, Map<String, String> aliases) {
		String lane = aliases.getOrDefault(model, model);
		return limits.containsKey(lane) ? lane : DEFAULT_LANE;
	}

	private static Map<String, Integer> resolveLimits(Map<String, Integer> limits, Map<String, String> aliases) {
		Map<String, Integer> lanes = new LinkedHashMap<>();
		limits.forEach((model, limit) -> {
			String setting = InvalidSettingException.entry("modelLimits", model);
			positive(limit, setting);
			String lane = aliases.getOrDefault(model, model);
			Integer previous = lanes.put(lane, limit);
			if (previous != null && !previous.equals(limit)) {
				throw new InvalidSettingException(setting,
						"conflicts with the limit " + previous + " of the same lane '" + lane + "'", limit);
			}
		});
		aliases.forEach((alias, lane) -> {
			if (!lanes.containsKey(lane)) {
				throw new InvalidSettingException(InvalidSettingException.entry("aliases", alias),
						"must name a model that has a limit", lane);
			}
		});
		if (lanes.containsKey(DEFAULT_LANE)) {
			throw new InvalidSettingException(InvalidSettingException.entry("modelLimits", DEFAULT_LANE),
					"is reserved for models without a limit; set defaultLimit instead", lanes.get(DEFAULT_LANE));
		}
		return lanes;
	}

	private static String knownLane(String model, String setting, Map<String, Integer> limits,
			Map<String, String> aliases) {
		String lane = lane(model, limits, aliases);
		if (!limits.containsKey(lane)) {
			throw new InvalidSettingException(setting, "must name a model that has a limit", model);
		}
		return lane;
	}

	private static Map<String, Double> reservedShares(Map<String, Double> shares) {
		double total = 0;
		for (Map.Entry<String, Double> share : shares.entrySet()) {
			String setting = InvalidSettingException.entry("reservedShares", share.getKey());
			total += share(share.getValue(), setting);
			if (total > 1 + 1e-9) {
				throw new InvalidSettingException(setting, "brings the reserved shares of all tiers to " + total
						+ ", more than the whole lane; their sum must be at most 1", share.getValue());
			}
		}
		return new LinkedHashMap<>(shares);
	}

	private static int positive(int value, String setting) {
		if (value <= 0) {
			throw new InvalidSettingException(setting, "must be greater than 0", value);
		}
		return value;
	}

	private static int notNegative(int value, String setting) {
		if (value < 0) {
			throw new InvalidSettingException(setting, "must be 0 or greater", value);
		}
		return value;
	}

	private static void notNegative(Duration value, String setting) {
		if (value == null || value.isNegative()) {
			throw new InvalidSettingException(setting, "must be zero or a positive duration", value);
		}
	}

	private static double share(double value, String setting) {
		if (!(value > 0 && value <= 1)) {
			throw new InvalidSettingException(setting, "must be in (0, 1]", value);
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static <V> Map<String, V> ordered(Object... entries) {
		Map<String, V> map = new LinkedHashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			map.put((String) entries[i], (V) entries[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}

}
