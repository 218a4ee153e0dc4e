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
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Meters of one name kept by what tags them apart, each registered the first time it is
 * asked for and then reused: building a meter's tags and looking it up in the registry
 * cost more than recording into it. At most {@code max} are kept, past which each is
 * registered every time it is asked for, so an unbounded tag value can grow the registry
 * but not this map. They are forgotten when a meter is removed from the registry, so the
 * next record registers it again. Meter filters are applied when a meter is registered: a
 * filter added to the registry later does not reach the meters kept (Spring Boot adds its
 * filters before any bean uses the registry).
 *
 * @param <K> what tells the meters apart
 * @param <M> the meter
 */
final class KeptMeters<K, M> {

	private final Map<K, M> meters = new ConcurrentHashMap<>();

	private final int max;

	private final Function<K, M> register;

	/**
	 * Creates meters that whoever holds them forgets.
	 * @param max the most meters kept, 0 for none
	 * @param register registers the meter of a key
	 */
	KeptMeters(int max, Function<K, M> register) {
		this.max = max;
		this.register = register;
	}

	/**
	 * Creates meters forgotten whenever a meter is removed from their registry.
	 * @param registry the registry
	 * @param max the most meters kept
	 * @param register registers the meter of a key
	 * @return the meters
	 */
	static <K, M> KeptMeters<K, M> forgottenOnRemoval(MeterRegistry registry, int max, Function<K, M> register) {
		KeptMeters<K, M> kept = new KeptMeters<>(max, register);
		registry.config().onMeterRemoved((meter) -> kept.forget());
		return kept;
	}

	M get(K key) {
		M meter = this.meters.get(key);
		if (meter != null) {
			return meter;
		}
		// Registered outside the map's locks: Micrometer registers, and tells removal
		// listeners such as forget(), inside the registry's lock, so registering inside
		// computeIfAbsent could wait for a removal that waits for the same slot. Two
		// threads registering one meter get the same meter from the registry.
		meter = this.register.apply(key);
		if (this.meters.size() < this.max) {
			M kept = this.meters.putIfAbsent(key, meter);
			return (kept != null) ? kept : meter;
		}
		return meter;
	}

	void forget() {
		this.meters.clear();
	}

}
