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

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The meters and observation of one call.
 */
final class MicrometerCallObserver implements CallObserver {

	private final MicrometerDeepSeekObserver settings;

	private final MeterRegistry meters;

	private final CallInfo call;

	private final DeepSeekObservationContext context;

	private final Observation observation;

	private final @Nullable String tenant;

	private final Tags genAiTags;

	private final Tags laneTags;

	private final long startNanos;

	private final AtomicBoolean firstChunk = new AtomicBoolean();

	private final AtomicBoolean firstToken = new AtomicBoolean();

	private final AtomicBoolean ended = new AtomicBoolean();

	MicrometerCallObserver(MicrometerDeepSeekObserver settings, DeepSeekObservationContext context,
			Observation observation, @Nullable String tenant) {
		this.settings = settings;
		this.meters = settings.meters();
		this.call = context.getCall();
		this.context = context;
		this.observation = observation;
		this.tenant = tenant;
		Tags genAi = Tags.of(DeepSeekMeterNames.TAG_OPERATION, this.call.operation(), DeepSeekMeterNames.TAG_PROVIDER,
				DeepSeekMeterNames.PROVIDER, DeepSeekMeterNames.TAG_REQUEST_MODEL, this.call.meteredModel(),
				DeepSeekMeterNames.TAG_SERVER_ADDRESS, context.getServerAddress(), DeepSeekMeterNames.TAG_SERVER_PORT,
				Integer.toString(context.getServerPort()), DeepSeekMeterNames.TAG_PROTOCOL, this.call.protocol());
		if (settings.legacyNames()) {
			genAi = genAi.and(DeepSeekMeterNames.TAG_SYSTEM, DeepSeekMeterNames.PROVIDER);
		}
		if (tenant != null) {
			genAi = genAi.and(DeepSeekMeterNames.TAG_TENANT, tenant);
		}
		this.genAiTags = genAi;
		this.laneTags = Tags.of(DeepSeekMeterNames.TAG_MODEL, this.call.lane(), DeepSeekMeterNames.TAG_PROTOCOL,
				this.call.protocol());
		this.startNanos = this.meters.config().clock().monotonicTime();
	}

	@Override
	public void onResponse(int status) {
		Counter.builder(DeepSeekMeterNames.UPSTREAM_RESPONSES)
			.description("Answers DeepSeek sent, by HTTP status")
			.tags(this.laneTags)
			.tag(DeepSeekMeterNames.TAG_STATUS, Integer.toString(status))
			.register(this.meters)
			.increment();
	}

	@Override
	public void onFirstByte(ResponseMetadata metadata) {
		Counter.builder(DeepSeekMeterNames.KEEP_ALIVES)
			.description("Keep-alives DeepSeek sent while it queued requests")
			.tags(this.laneTags)
			.register(this.meters)
			.increment(metadata.keepAlives());
		Timer.builder(DeepSeekMeterNames.SERVER_QUEUE_TIME)
			.description("Time DeepSeek queued requests before their first byte that was not a keep-alive")
			.tags(this.laneTags)
			.register(this.meters)
			.record(metadata.firstByteWait());
		this.context.setKeepAlives(metadata.keepAlives());
	}

	@Override
	public void onResponseDetails(ResponseDetails details) {
		this.context.addDetails(details);
		if (this.call.stream() && this.firstChunk.compareAndSet(false, true)) {
			long elapsed = elapsedNanos();
			this.context.setTimeToFirstChunk(Duration.ofNanos(elapsed));
			Timer.builder(DeepSeekMeterNames.TIME_TO_FIRST_CHUNK)
				.description("Time from the start of a streamed call to its first chunk")
				.tags(responseTags())
				.serviceLevelObjectives(GenAiBuckets.seconds())
				.register(this.meters)
				.record(elapsed, TimeUnit.NANOSECONDS);
		}
	}

	@Override
	@SuppressWarnings("removal")
	public void onFirstToken() {
		if (this.firstToken.compareAndSet(false, true)) {
			if (this.settings.legacyNames()) {
				Timer.builder(DeepSeekMeterNames.TIME_TO_FIRST_TOKEN)
					.description("Time from the start of a streamed call to its first generated token (deprecated)")
					.tags(this.laneTags)
					.register(this.meters)
					.record(elapsedNanos(), TimeUnit.NANOSECONDS);
			}
			this.observation.event(Observation.Event.of("deepseek.first.token", "first token"));
		}
	}

	@Override
	public void onUsage(TokenUsage usage) {
		this.context.setUsage(usage);
		Tags tags = responseTags();
		tokens(DeepSeekMeterNames.TOKEN_USAGE, "Tokens used by each call, by token type input or output", tags,
				DeepSeekMeterNames.TAG_TOKEN_TYPE, "input", usage.input(), GenAiBuckets.tokens());
		tokens(DeepSeekMeterNames.TOKEN_USAGE, "Tokens used by each call, by token type input or output", tags,
				DeepSeekMeterNames.TAG_TOKEN_TYPE, "output", usage.output(), GenAiBuckets.tokens());
		tokenParts(DeepSeekMeterNames.TOKEN_DETAILS,
				"Parts of each call's input and output tokens: cache reads, cache misses, reasoning", tags,
				DeepSeekMeterNames.TAG_TOKEN_DETAIL, "cache_read", usage);
		if (this.settings.legacyNames()) {
			tokenParts(DeepSeekMeterNames.TOKEN_USAGE, "Tokens used by each call, by token type (deprecated types)",
					tags, DeepSeekMeterNames.TAG_TOKEN_TYPE, "cache_hit", usage);
		}
		ModelPrice price = this.settings.prices().priceOf(this.call.model(), this.call.lane());
		if (price != null) {
			Counter.Builder cost = Counter.builder(DeepSeekMeterNames.COST)
				.description("What the calls cost at the configured token prices")
				.tag(DeepSeekMeterNames.TAG_MODEL, this.call.lane())
				.tag(DeepSeekMeterNames.TAG_CURRENCY, price.currency());
			if (this.tenant != null) {
				cost.tag(DeepSeekMeterNames.TAG_TENANT, this.tenant);
			}
			cost.register(this.meters).increment(price.cost(usage).doubleValue());
		}
		TenantCostBoard board = this.settings.board();
		if (board != null) {
			String userId = this.call.userId();
			board.record((userId != null) ? userId : TenantTags.NONE, usage, price);
		}
	}

	// The cached (under its name), uncached and reasoning parts of the usage.
	private void tokenParts(String name, String description, Tags tags, String tag, String cached, TokenUsage usage) {
		tokens(name, description, tags, tag, cached, usage.cacheHit());
		tokens(name, description, tags, tag, "cache_miss", usage.cacheMiss());
		tokens(name, description, tags, tag, "reasoning", usage.reasoning());
	}

	private void tokens(String name, String description, Tags tags, String typeTag, String type, int tokens) {
		tokens(name, description, tags, typeTag, type, tokens, null);
	}

	private void tokens(String name, String description, Tags tags, String typeTag, String type, int tokens,
			double @Nullable [] buckets) {
		DistributionSummary.Builder summary = DistributionSummary.builder(name)
			.description(description)
			.baseUnit("tokens")
			.tags(tags)
			.tag(typeTag, type);
		if (buckets != null) {
			summary.serviceLevelObjectives(buckets);
		}
		summary.register(this.meters).record(tokens);
	}

	@Override
	public @Nullable ConversationRecorder conversation() {
		return this.context.getConversation();
	}

	@Override
	public void onEnd(@Nullable Throwable error, boolean cancelled) {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		this.context.setCancelled(cancelled);
		this.context.setError(error);
		Timer.builder(DeepSeekMeterNames.OPERATION_DURATION)
			.description("Duration of DeepSeek calls, from their start to their last byte, queueing included")
			.tags(responseTags())
			.serviceLevelObjectives(GenAiBuckets.seconds())
			.tag(DeepSeekMeterNames.TAG_OUTCOME, DefaultDeepSeekObservationConvention.outcome(error, cancelled))
			.tag(DeepSeekMeterNames.TAG_ERROR_TYPE, DefaultDeepSeekObservationConvention.errorType(error))
			.register(this.meters)
			.record(elapsedNanos(), TimeUnit.NANOSECONDS);
		if (error != null) {
			this.observation.error(error);
		}
		this.observation.stop();
	}

	private Tags responseTags() {
		return this.genAiTags.and(DeepSeekMeterNames.TAG_RESPONSE_MODEL,
				DefaultDeepSeekObservationConvention.orNone(this.context.getResponseModel()));
	}

	private long elapsedNanos() {
		return this.meters.config().clock().monotonicTime() - this.startNanos;
	}

}
