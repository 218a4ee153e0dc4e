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

package io.github.deepseekstarter.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.github.deepseekstarter.protocol.GeneratedWire.Format;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generative tests of {@link KeepAliveAwareDecoder}: random OpenAI-format and
 * Anthropic-format event streams and JSON bodies, with keep-alives at random places, cut
 * into reads at random (byte by byte, inside CRLFs, characters and field names), read
 * under random demand (one at a time, bursts, a late request from another thread) with
 * the reads arriving on the subscriber's thread or on another one. Whatever the cuts and
 * the demand, the decoder must give exactly the events of one whole read, count the same
 * keep-alives, and release every read it received, also when the subscriber cancels.
 * <p>
 * Each case is built from its seed alone. {@code mvn verify} runs {@value #DEFAULT_TRIES}
 * cases per format from a fixed seed; a long run sets {@code -Ddeepseek.decoder.tries=N}
 * and {@code -Ddeepseek.decoder.seed=S} (a failing case names its seed: rerun it with
 * that seed and one try).
 */
class KeepAliveAwareDecoderGenerativeTests {

	static final int DEFAULT_TRIES = 300;

	private static final long DEFAULT_SEED = 20261201L;

	private static ExecutorService requester;

	private static ExecutorService connection;

	private static Scheduler connectionScheduler;

	@BeforeAll
	static void startThreads() {
		requester = Executors.newSingleThreadExecutor((task) -> new Thread(task, "late-requester"));
		connection = Executors.newSingleThreadExecutor((task) -> new Thread(task, "connection"));
		connectionScheduler = Schedulers.fromExecutorService(connection);
	}

	@AfterAll
	static void stopThreads() throws InterruptedException {
		connectionScheduler.dispose();
		requester.shutdownNow();
		connection.shutdownNow();
		requester.awaitTermination(10, TimeUnit.SECONDS);
		connection.awaitTermination(10, TimeUnit.SECONDS);
	}

	static Stream<Arguments> cases() {
		int tries = Integer.getInteger("deepseek.decoder.tries", DEFAULT_TRIES);
		long seed = Long.getLong("deepseek.decoder.seed", DEFAULT_SEED);
		return Stream.of(Format.values())
			.flatMap((format) -> LongStream.range(0, tries)
				.mapToObj((i) -> Arguments.of(format, seed + i * 0x9E3779B97F4A7C15L + format.ordinal())));
	}

	@ParameterizedTest(name = "{0} seed {1}")
	@MethodSource("cases")
	void decodesExactlyTheEventsOfOneWholeReadWhateverTheReadsAndTheDemand(Format format, long seed) throws Exception {
		SplittableRandom random = new SplittableRandom(seed);
		GeneratedWire wire = GeneratedWire.generate(format, random);
		List<Object> expected = (format == Format.JSON) ? List.of(wire.json()) : List.copyOf(wire.events());
		assertThat(decode(wire, Reads.whole(wire), DemandDriver.Pattern.BURSTS, null, -1, random).received())
			.as("the generator's own expectation for one whole read")
			.containsExactlyElementsOf(expected);

		Reads reads = Reads.cut(wire, random);
		DemandDriver.Pattern pattern = DemandDriver.Pattern.values()[random.nextInt(3)];
		Scheduler thread = random.nextBoolean() ? connectionScheduler : null;
		int cancelAfter = (random.nextInt(8) == 0) ? random.nextInt(expected.size()) : -1;
		// Half the JSON bodies are read as the bytes of their text, as the client reads
		// them.
		boolean bytes = wire.format() == Format.JSON && random.nextBoolean();
		ResponseProgress progress = new ResponseProgress();
		DemandDriver<Object> driver = decode(wire, reads, pattern, thread, cancelAfter, random, progress, bytes);
		String described = format + " cut " + reads + ", demand " + pattern + (bytes ? ", read as bytes" : "")
				+ ((thread != null) ? ", reads on another thread" : "")
				+ ((cancelAfter >= 0) ? ", cancelled after " + cancelAfter : "");

		assertThat(driver.error()).as(described).isNull();
		if (cancelAfter < 0) {
			assertThat(driver.completed()).as(described).isTrue();
			assertThat(driver.received()).as(described).containsExactlyElementsOf(expected);
			assertThat(progress.keepAlives()).as(described + ": keep-alives").isEqualTo(wire.keepAlives());
		}
		else {
			List<Object> received = driver.received();
			assertThat(received).as(described).hasSizeLessThanOrEqualTo(expected.size());
			assertThat(received).as(described).containsExactlyElementsOf(expected.subList(0, received.size()));
		}
		assertThat(reads.unreleased()).as(described + ": reads left unreleased").isEmpty();
	}

	private DemandDriver<Object> decode(GeneratedWire wire, Reads reads, DemandDriver.Pattern pattern, Scheduler thread,
			int cancelAfter, SplittableRandom random) throws Exception {
		return decode(wire, reads, pattern, thread, cancelAfter, random, new ResponseProgress(), false);
	}

	private DemandDriver<Object> decode(GeneratedWire wire, Reads reads, DemandDriver.Pattern pattern, Scheduler thread,
			int cancelAfter, SplittableRandom random, ResponseProgress progress, boolean bytes) throws Exception {
		Publisher<?> decoded;
		if (wire.format() != Format.JSON) {
			decoded = KeepAliveAwareDecoder.events(reads.flux(thread), progress);
		}
		else if (bytes) {
			decoded = KeepAliveAwareDecoder
				.jsonBytes(reads.flux(thread), progress, KeepAliveAwareDecoder.DEFAULT_MAX_BODY_SIZE)
				.map((json) -> new String(json, StandardCharsets.UTF_8));
		}
		else {
			decoded = KeepAliveAwareDecoder.json(reads.flux(thread), progress);
		}
		DemandDriver<Object> driver = new DemandDriver<>(pattern);
		decoded.subscribe(driver);
		driver.drive(random, requester, cancelAfter);
		if (thread != null) {
			// Whatever the connection's thread still had queued runs before this.
			connection.submit(() -> {
			}).get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
		}
		reads.releaseRest();
		return driver;
	}

}
