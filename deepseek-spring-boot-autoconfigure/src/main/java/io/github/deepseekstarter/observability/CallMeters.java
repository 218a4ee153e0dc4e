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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.deepseekstarter.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * The meters of the calls that share a shape (operation, model, lane, protocol and
 * tenant), each registered the first time a call of that shape records it and then reused
 * ({@link KeptMeters}): a call records about ten.
 * <p>
 * Shapes are bounded by the lanes, the aliases and the tenant tags; an observer keeps at
 * most {@value Cache#MAX_SHAPES} of them, and each at most {@value #MAX_VARIANTS}
 * response models, statuses, currencies and endings, past which calls register their
 * meters each time, so an answer's arbitrary model name can grow the registry but not
 * this cache. A meter removed from the registry makes every shape forget its meters,
 * calls in flight included, so the next record registers it again.
 */
final class CallMeters {

	/** At most this many response models, statuses, currencies and endings per shape. */
	static final int MAX_VARIANTS = 64;

	private final MeterRegistry registry;

	private final Tags laneTags;

	private final KeptMeters<Integer, Counter> responses;

	private final KeptMeters<String, Counter> costs;

	private final KeptMeters<String, ResponseMeters> byResponseModel;

	// Each recorded once per call: kept also by a shape past the bound, which lives as
	// long as its one call.
	private volatile @Nullable Counter keepAlives;

	private volatile @Nullable Timer serverQueueTime;

	private volatile @Nullable Timer timeToFirstToken;

	private CallMeters(MeterRegistry registry, boolean legacyNames, int maxVariants, Shape shape, String serverAddress,
			int serverPort) {
		this.registry = registry;
		Tags genAi = Tags.of(DeepSeekMeterNames.TAG_OPERATION, shape.operation(), DeepSeekMeterNames.TAG_PROVIDER,
				DeepSeekMeterNames.PROVIDER, DeepSeekMeterNames.TAG_REQUEST_MODEL, shape.model(),
				DeepSeekMeterNames.TAG_SERVER_ADDRESS, serverAddress, DeepSeekMeterNames.TAG_SERVER_PORT,
				Integer.toString(serverPort), DeepSeekMeterNames.TAG_PROTOCOL, shape.protocol());
		if (legacyNames) {
			genAi = genAi.and(DeepSeekMeterNames.TAG_SYSTEM, DeepSeekMeterNames.PROVIDER);
		}
		if (shape.tenant() != null) {
			genAi = genAi.and(DeepSeekMeterNames.TAG_TENANT, shape.tenant());
		}
		Tags genAiTags = genAi;
		this.laneTags = Tags.of(DeepSeekMeterNames.TAG_MODEL, shape.lane(), DeepSeekMeterNames.TAG_PROTOCOL,
				shape.protocol());
		this.responses = new KeptMeters<>(maxVariants,
				(status) -> Counter.builder(DeepSeekMeterNames.UPSTREAM_RESPONSES)
					.description("Answers DeepSeek sent, by HTTP status")
					.tags(this.laneTags)
					.tag(DeepSeekMeterNames.TAG_STATUS, Integer.toString(status))
					.register(registry));
		this.costs = new KeptMeters<>(maxVariants, (currency) -> {
			Counter.Builder cost = Counter.builder(DeepSeekMeterNames.COST)
				.description("What the calls cost at the configured token prices")
				.tag(DeepSeekMeterNames.TAG_MODEL, shape.lane())
				.tag(DeepSeekMeterNames.TAG_CURRENCY, currency);
			if (shape.tenant() != null) {
				cost.tag(DeepSeekMeterNames.TAG_TENANT, shape.tenant());
			}
			return cost.register(registry);
		});
		this.byResponseModel = new KeptMeters<>(maxVariants, (model) -> new ResponseMeters(registry, legacyNames,
				genAiTags.and(DeepSeekMeterNames.TAG_RESPONSE_MODEL, model)));
	}

	Counter upstreamResponses(int status) {
		return this.responses.get(status);
	}

	Counter keepAlives() {
		Counter counter = this.keepAlives;
		if (counter == null) {
			counter = Counter.builder(DeepSeekMeterNames.KEEP_ALIVES)
				.description("Keep-alives DeepSeek sent while it queued requests")
				.tags(this.laneTags)
				.register(this.registry);
			this.keepAlives = counter;
		}
		return counter;
	}

	Timer serverQueueTime() {
		Timer timer = this.serverQueueTime;
		if (timer == null) {
			timer = Timer.builder(DeepSeekMeterNames.SERVER_QUEUE_TIME)
				.description("Time DeepSeek queued requests before their first byte that was not a keep-alive")
				.tags(this.laneTags)
				.register(this.registry);
			this.serverQueueTime = timer;
		}
		return timer;
	}

	@SuppressWarnings("removal")
	Timer timeToFirstToken() {
		Timer timer = this.timeToFirstToken;
		if (timer == null) {
			timer = Timer.builder(DeepSeekMeterNames.TIME_TO_FIRST_TOKEN)
				.description("Time from the start of a streamed call to its first generated token (deprecated)")
				.tags(this.laneTags)
				.register(this.registry);
			this.timeToFirstToken = timer;
		}
		return timer;
	}

	Counter cost(String currency) {
		return this.costs.get(currency);
	}

	/**
	 * The meters tagged with the model an answer named too.
	 * @param responseModel the answer's model, {@value DeepSeekMeterNames#NONE} when it
	 * named none
	 */
	ResponseMeters response(String responseModel) {
		return this.byResponseModel.get(responseModel);
	}

	/**
	 * Forgets every meter kept, since one was removed from the registry: the next record
	 * registers its meter again.
	 */
	void forget() {
		this.keepAlives = null;
		this.serverQueueTime = null;
		this.timeToFirstToken = null;
		this.responses.forget();
		this.costs.forget();
		this.byResponseModel.forget();
	}

	/**
	 * The meters of one shape and response model.
	 */
	static final class ResponseMeters {

		private final MeterRegistry registry;

		private final boolean legacyNames;

		private final Tags tags;

		private final KeptMeters<Ending, Timer> durations;

		private volatile @Nullable Timer timeToFirstChunk;

		private volatile @Nullable TokenMeters tokens;

		private ResponseMeters(MeterRegistry registry, boolean legacyNames, Tags tags) {
			this.registry = registry;
			this.legacyNames = legacyNames;
			this.tags = tags;
			this.durations = new KeptMeters<>(MAX_VARIANTS, (ending) -> Timer
				.builder(DeepSeekMeterNames.OPERATION_DURATION)
				.description("Duration of DeepSeek calls, from their start to their last byte, queueing included")
				.tags(tags)
				.serviceLevelObjectives(GenAiBuckets.seconds())
				.tag(DeepSeekMeterNames.TAG_OUTCOME, ending.outcome())
				.tag(DeepSeekMeterNames.TAG_ERROR_TYPE, ending.errorType())
				.register(registry));
		}

		Timer timeToFirstChunk() {
			Timer timer = this.timeToFirstChunk;
			if (timer == null) {
				timer = Timer.builder(DeepSeekMeterNames.TIME_TO_FIRST_CHUNK)
					.description("Time from the start of a streamed call to its first chunk")
					.tags(this.tags)
					.serviceLevelObjectives(GenAiBuckets.seconds())
					.register(this.registry);
				this.timeToFirstChunk = timer;
			}
			return timer;
		}

		TokenMeters tokens() {
			TokenMeters tokens = this.tokens;
			if (tokens == null) {
				tokens = new TokenMeters(this.registry, this.legacyNames, this.tags);
				this.tokens = tokens;
			}
			return tokens;
		}

		Timer duration(String outcome, String errorType) {
			return this.durations.get(new Ending(outcome, errorType));
		}

	}

	/**
	 * The token summaries of one shape and response model, registered together since a
	 * call's usage records them together.
	 */
	static final class TokenMeters {

		private static final String USAGE = "Tokens used by each call, by token type input or output";

		private static final String DETAILS = "Parts of each call's input and output tokens: cache reads, "
				+ "cache misses, reasoning";

		private static final String LEGACY = "Tokens used by each call, by token type (deprecated types)";

		private final DistributionSummary input;

		private final DistributionSummary output;

		private final DistributionSummary cacheRead;

		private final DistributionSummary cacheMiss;

		private final DistributionSummary reasoning;

		/** The deprecated cache hit, cache miss and reasoning types, when recorded. */
		private final DistributionSummary @Nullable [] legacy;

		private TokenMeters(MeterRegistry registry, boolean legacyNames, Tags tags) {
			this.input = summary(registry, DeepSeekMeterNames.TOKEN_USAGE, USAGE, tags,
					DeepSeekMeterNames.TAG_TOKEN_TYPE, "input", GenAiBuckets.tokens());
			this.output = summary(registry, DeepSeekMeterNames.TOKEN_USAGE, USAGE, tags,
					DeepSeekMeterNames.TAG_TOKEN_TYPE, "output", GenAiBuckets.tokens());
			this.cacheRead = summary(registry, DeepSeekMeterNames.TOKEN_DETAILS, DETAILS, tags,
					DeepSeekMeterNames.TAG_TOKEN_DETAIL, "cache_read", null);
			this.cacheMiss = summary(registry, DeepSeekMeterNames.TOKEN_DETAILS, DETAILS, tags,
					DeepSeekMeterNames.TAG_TOKEN_DETAIL, "cache_miss", null);
			this.reasoning = summary(registry, DeepSeekMeterNames.TOKEN_DETAILS, DETAILS, tags,
					DeepSeekMeterNames.TAG_TOKEN_DETAIL, "reasoning", null);
			this.legacy = legacyNames ? new DistributionSummary[] {
					summary(registry, DeepSeekMeterNames.TOKEN_USAGE, LEGACY, tags, DeepSeekMeterNames.TAG_TOKEN_TYPE,
							"cache_hit", null),
					summary(registry, DeepSeekMeterNames.TOKEN_USAGE, LEGACY, tags, DeepSeekMeterNames.TAG_TOKEN_TYPE,
							"cache_miss", null),
					summary(registry, DeepSeekMeterNames.TOKEN_USAGE, LEGACY, tags, DeepSeekMeterNames.TAG_TOKEN_TYPE,
							"reasoning", null) }
					: null;
		}

		/**
		 * Records one call's usage: input and output, then the cached (cache read),
		 * uncached and reasoning parts.
		 */
		void record(TokenUsage usage) {
			this.input.record(usage.input());
			this.output.record(usage.output());
			this.cacheRead.record(usage.cacheHit());
			this.cacheMiss.record(usage.cacheMiss());
			this.reasoning.record(usage.reasoning());
			DistributionSummary[] legacy = this.legacy;
			if (legacy != null) {
				legacy[0].record(usage.cacheHit());
				legacy[1].record(usage.cacheMiss());
				legacy[2].record(usage.reasoning());
			}
		}

		private static DistributionSummary summary(MeterRegistry registry, String name, String description, Tags tags,
				String typeTag, String type, double @Nullable [] buckets) {
			DistributionSummary.Builder summary = DistributionSummary.builder(name)
				.description(description)
				.baseUnit("tokens")
				.tags(tags)
				.tag(typeTag, type);
			if (buckets != null) {
				summary.serviceLevelObjectives(buckets);
			}
			return summary.register(registry);
		}

	}

	/**
	 * How a call ended, as its duration is tagged.
	 */
	private record Ending(String outcome, String errorType) {
	}

	/**
	 * What the meters of a call are tagged with before it is sent.
	 *
	 * @param operation the operation
	 * @param model the metered model
	 * @param lane the lane
	 * @param protocol the protocol
	 * @param tenant the tenant tag, or {@code null} without tenant tags
	 */
	record Shape(String operation, String model, String lane, String protocol, @Nullable String tenant) {
	}

	/**
	 * The meters of every shape of call one observer has recorded.
	 */
	static final class Cache {

		/** At most this many shapes of call, unless told otherwise. */
		static final int MAX_SHAPES = 1024;

		private final int maxShapes;

		private final MeterRegistry registry;

		private final boolean legacyNames;

		private final String serverAddress;

		private final int serverPort;

		private final Map<Shape, CallMeters> shapes = new ConcurrentHashMap<>();

		Cache(MeterRegistry registry, boolean legacyNames, String serverAddress, int serverPort, int maxShapes) {
			this.maxShapes = maxShapes;
			this.registry = registry;
			this.legacyNames = legacyNames;
			this.serverAddress = serverAddress;
			this.serverPort = serverPort;
			registry.config().onMeterRemoved((meter) -> this.shapes.values().forEach(CallMeters::forget));
		}

		CallMeters of(CallInfo call, @Nullable String tenant) {
			Shape shape = new Shape(call.operation(), call.meteredModel(), call.lane(), call.protocol(), tenant);
			CallMeters meters = this.shapes.get(shape);
			if (meters != null) {
				return meters;
			}
			if (this.shapes.size() < this.maxShapes) {
				return this.shapes.computeIfAbsent(shape, (key) -> create(key, MAX_VARIANTS));
			}
			return create(shape, 0);
		}

		private CallMeters create(Shape shape, int maxVariants) {
			return new CallMeters(this.registry, this.legacyNames, maxVariants, shape, this.serverAddress,
					this.serverPort);
		}

	}

}
