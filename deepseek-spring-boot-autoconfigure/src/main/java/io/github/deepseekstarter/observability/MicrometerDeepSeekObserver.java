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

import java.net.URI;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * Records each call in Micrometer: the {@code gen_ai.*} operation timer, token usage and
 * time to first chunk, DeepSeek's cache and reasoning tokens, cost at the configured
 * prices, upstream statuses, keep-alives and server queue time (see
 * {@link DeepSeekMeterNames}), and an {@link Observation} per call, named by a
 * {@link DeepSeekObservationConvention}, whose parent is the observation in the
 * subscriber's Reactor context, so tracing sees each call as a child span. Neither the
 * meters nor the observation carry prompt or completion content, unless
 * {@link Builder#recordContent(int) content recording} is switched on: then the
 * observation's context holds the conversation, bounded in size.
 */
public final class MicrometerDeepSeekObserver implements DeepSeekObserver {

	private static final URI DEEPSEEK = URI.create("https://api.deepseek.com");

	private final MeterRegistry meters;

	private final ObservationRegistry observations;

	private final TenantTags tenantTags;

	private final String serverAddress;

	private final int serverPort;

	private final @Nullable DeepSeekObservationConvention convention;

	private final DeepSeekObservationConvention defaultConvention;

	private final boolean legacyNames;

	private final PriceTable prices;

	private final @Nullable TenantCostBoard board;

	private final int maxContentBytes;

	private final CallMeters.Cache callMeters;

	/**
	 * Creates an observer recording meters only, without tenant tags.
	 * @param meters the registry of the meters
	 */
	public MicrometerDeepSeekObserver(MeterRegistry meters) {
		this(builder(meters));
	}

	/**
	 * Creates an observer.
	 * @param meters the registry of the meters
	 * @param observations the registry of the observations,
	 * {@link ObservationRegistry#NOOP} for none
	 * @param tenantTags whether and how the meters carry the tenant
	 */
	public MicrometerDeepSeekObserver(MeterRegistry meters, ObservationRegistry observations, TenantTags tenantTags) {
		this(builder(meters).observations(observations).tenantTags(tenantTags));
	}

	private MicrometerDeepSeekObserver(Builder builder) {
		this.meters = builder.meters;
		this.observations = builder.observations;
		this.tenantTags = builder.tenantTags;
		this.serverAddress = Objects.requireNonNullElse(builder.server.getHost(), "localhost");
		this.serverPort = port(builder.server);
		this.convention = builder.convention;
		this.defaultConvention = new DefaultDeepSeekObservationConvention(builder.legacyNames);
		this.legacyNames = builder.legacyNames;
		this.prices = builder.prices;
		this.board = builder.board;
		this.maxContentBytes = builder.maxContentBytes;
		this.callMeters = new CallMeters.Cache(this.meters, this.legacyNames, this.serverAddress, this.serverPort,
				builder.keptShapes);
	}

	/**
	 * Returns a builder of an observer.
	 * @param meters the registry of the meters
	 * @return the builder
	 */
	public static Builder builder(MeterRegistry meters) {
		return new Builder(meters);
	}

	@Override
	public CallObserver start(CallInfo call, ContextView context) {
		Observation parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		ConversationRecorder conversation = (this.maxContentBytes > 0 && !this.observations.isNoop())
				? new ConversationRecorder(this.maxContentBytes) : null;
		DeepSeekObservationContext observed = new DeepSeekObservationContext(call, this.serverAddress, this.serverPort,
				conversation);
		Observation observation = Observation
			.createNotStarted(this.convention, this.defaultConvention, () -> observed, this.observations)
			.parentObservation(parent)
			.start();
		String tenant = this.tenantTags.isEnabled() ? this.tenantTags.valueOf(call.userId()) : null;
		return new MicrometerCallObserver(this, this.callMeters.of(call, tenant), observed, observation);
	}

	MeterRegistry meters() {
		return this.meters;
	}

	boolean legacyNames() {
		return this.legacyNames;
	}

	PriceTable prices() {
		return this.prices;
	}

	@Nullable TenantCostBoard board() {
		return this.board;
	}

	private static int port(URI server) {
		if (server.getPort() != -1) {
			return server.getPort();
		}
		return "http".equalsIgnoreCase(server.getScheme()) ? 80 : 443;
	}

	/**
	 * Builds a {@link MicrometerDeepSeekObserver}.
	 */
	public static final class Builder {

		private final MeterRegistry meters;

		private ObservationRegistry observations = ObservationRegistry.NOOP;

		private TenantTags tenantTags = TenantTags.disabled();

		private URI server = DEEPSEEK;

		private @Nullable DeepSeekObservationConvention convention;

		private boolean legacyNames;

		private PriceTable prices = PriceTable.none();

		private @Nullable TenantCostBoard board;

		private int maxContentBytes;

		private int keptShapes = CallMeters.Cache.MAX_SHAPES;

		private Builder(MeterRegistry meters) {
			this.meters = Objects.requireNonNull(meters, "meters must not be null");
		}

		/**
		 * Sets the registry of the observations.
		 * @param observations the registry, {@link ObservationRegistry#NOOP} (the
		 * default) for none
		 * @return this builder
		 */
		public Builder observations(ObservationRegistry observations) {
			this.observations = Objects.requireNonNull(observations, "observations must not be null");
			return this;
		}

		/**
		 * Sets whether and how the meters carry the tenant (off by default).
		 * @param tenantTags the policy
		 * @return this builder
		 */
		public Builder tenantTags(TenantTags tenantTags) {
			this.tenantTags = Objects.requireNonNull(tenantTags, "tenantTags must not be null");
			return this;
		}

		/**
		 * Sets the base URL calls are sent to, for {@code server.address} and
		 * {@code server.port}.
		 * @param server the base URL, DeepSeek's by default
		 * @return this builder
		 */
		public Builder server(URI server) {
			this.server = Objects.requireNonNull(server, "server must not be null");
			return this;
		}

		/**
		 * Sets the convention naming the observation's key values, in place of
		 * {@link DefaultDeepSeekObservationConvention}.
		 * @param convention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder convention(@Nullable DeepSeekObservationConvention convention) {
			this.convention = convention;
			return this;
		}

		/**
		 * Sets whether the deprecated names are recorded too: the {@code gen_ai.system}
		 * tag, the {@code cache_hit}, {@code cache_miss} and {@code reasoning} token
		 * types and the {@code deepseek.time.to.first.token} timer.
		 * @param legacyNames whether to record them (off by default)
		 * @return this builder
		 */
		public Builder legacyNames(boolean legacyNames) {
			this.legacyNames = legacyNames;
			return this;
		}

		/**
		 * Sets the token prices the cost counter uses.
		 * @param prices the prices, none by default (no cost recorded)
		 * @return this builder
		 */
		public Builder prices(PriceTable prices) {
			this.prices = Objects.requireNonNull(prices, "prices must not be null");
			return this;
		}

		/**
		 * Sets the board counting each tenant's tokens and cost.
		 * @param board the board, or {@code null} (the default) for none
		 * @return this builder
		 */
		public Builder tenantBoard(@Nullable TenantCostBoard board) {
			this.board = board;
			return this;
		}

		/**
		 * Switches content recording on: each call's observation then carries the system
		 * instructions, the messages sent and the answer (off by default, since they are
		 * likely to hold personal data).
		 * @param maxBytes the largest UTF-8 size of the contents of each of the three
		 * attributes; beyond it content is cut and marked
		 * {@value ConversationRecorder#TRUNCATION_MARKER}
		 * @return this builder
		 */
		public Builder recordContent(int maxBytes) {
			if (maxBytes < 1) {
				throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
			}
			this.maxContentBytes = maxBytes;
			return this;
		}

		/**
		 * Sets how many shapes of call keep their meters; 0 registers every meter each
		 * time it is recorded.
		 * @param max the number of shapes
		 * @return this builder
		 */
		Builder keptShapes(int max) {
			this.keptShapes = max;
			return this;
		}

		/**
		 * Builds the observer.
		 * @return the observer
		 */
		public MicrometerDeepSeekObserver build() {
			return new MicrometerDeepSeekObserver(this);
		}

	}

}
