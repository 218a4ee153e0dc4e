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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeepAliveAwareDecoder}: every keep-alive shape DeepSeek sends, and
 * events cut at any byte.
 */
class KeepAliveAwareDecoderTests {

	@Test
	void countsBlankLinesBeforeJsonBodyAsKeepAlives() {
		ResponseProgress progress = new ResponseProgress();
		StepVerifier.create(KeepAliveAwareDecoder.json(reads("\n", "\n\n", "{\"id\":", "\"x\"}"), progress))
			.expectNext("{\"id\":\"x\"}")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(progress.keepAlives()).isEqualTo(3);
		assertThat(progress.started()).isTrue();
	}

	@Test
	void toleratesCarriageReturnsAndSpacesBeforeJsonBody() {
		ResponseProgress progress = new ResponseProgress();
		StepVerifier.create(KeepAliveAwareDecoder.json(reads("\r\n\r\n  {\"a\":1}\n"), progress))
			.expectNext("{\"a\":1}\n")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(progress.keepAlives()).isEqualTo(2);
	}

	@Test
	void jsonBodyOfOnlyKeepAlivesIsEmpty() {
		ResponseProgress progress = new ResponseProgress();
		StepVerifier.create(KeepAliveAwareDecoder.json(reads("\n", "\n", "\n"), progress))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(progress.keepAlives()).isEqualTo(3);
		assertThat(progress.started()).isFalse();
	}

	@Test
	void skipsKeepAliveCommentsBeforeTheFirstEvent() {
		ResponseProgress progress = new ResponseProgress();
		StepVerifier
			.create(KeepAliveAwareDecoder.events(
					reads(": keep-alive\n\n", ": keep-alive\n\n", "data: {\"n\":1}\n\n", "data: [DONE]\n\n"), progress))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("{\"n\":1}"))
			.assertNext((event) -> assertThat(event.isDone()).isTrue())
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(progress.keepAlives()).isEqualTo(2);
		assertThat(progress.started()).isTrue();
	}

	@Test
	void ignoresCommentsBetweenEventsWithoutCountingThem() {
		ResponseProgress progress = new ResponseProgress();
		StepVerifier.create(KeepAliveAwareDecoder.events(reads("data: a\n\n: keep-alive\n\ndata: b\n\n"), progress))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("a"))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("b"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(progress.keepAlives()).isZero();
	}

	@Test
	void countsBareBlankLinesBeforeTheFirstEventAsKeepAlivesWithoutDispatching() {
		ResponseProgress progress = new ResponseProgress();
		StepVerifier.create(KeepAliveAwareDecoder.events(reads("\n\n", ":\n\n", "data: x\n\n"), progress))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("x"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(progress.keepAlives()).isEqualTo(1);
	}

	@Test
	void joinsAnEventSplitAtEveryByte() {
		String wire = ": keep-alive\r\n\r\nevent: message_start\r\ndata: {\"text\":\"h\u00e9llo \u4e16\u754c\"}\r\n\r\ndata: [DONE]\r\n\r\n";
		byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
		DataBuffer[] single = new DataBuffer[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			single[i] = DefaultDataBufferFactory.sharedInstance.wrap(new byte[] { bytes[i] });
		}
		ResponseProgress progress = new ResponseProgress();
		List<ServerSentEvent> events = KeepAliveAwareDecoder.events(Flux.fromArray(single), progress)
			.collectList()
			.block(TIMEOUT);
		assertThat(events).containsExactly(
				new ServerSentEvent("message_start", "{\"text\":\"h\u00e9llo \u4e16\u754c\"}"),
				new ServerSentEvent(null, "[DONE]"));
		assertThat(progress.keepAlives()).isEqualTo(1);
	}

	@Test
	void endsLinesOnLoneCarriageReturnsAndOnCrLfCutBetweenReads() {
		ResponseProgress progress = new ResponseProgress();
		StepVerifier
			.create(KeepAliveAwareDecoder.events(reads(": keep-alive\r\r", "data: a\r", "\r", "data: b\r", "\n\r\n"),
					progress))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("a"))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("b"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(progress.keepAlives()).isEqualTo(1);
	}

	@Test
	void joinsMultipleDataLinesOfOneEvent() {
		StepVerifier.create(KeepAliveAwareDecoder.events(reads("data: line1\ndata: line2\n\n"), new ResponseProgress()))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("line1\nline2"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void dispatchesALastEventThatLacksItsBlankLine() {
		StepVerifier.create(KeepAliveAwareDecoder.events(reads("data: [DONE]"), new ResponseProgress()))
			.assertNext((event) -> assertThat(event.isDone()).isTrue())
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void streamOfOnlyKeepAlivesHasNoEvents() {
		ResponseProgress progress = new ResponseProgress();
		StepVerifier.create(KeepAliveAwareDecoder.events(reads(": keep-alive\n\n", ": keep-alive\n\n"), progress))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(progress.keepAlives()).isEqualTo(2);
		assertThat(progress.started()).isFalse();
	}

	@Test
	void releasesEachBufferOnceEvenUnderADiscardHook() {
		// Netty hands out retained slices that share the reference count of the
		// connection's own buffer: a second release would free that buffer under Netty's
		// feet.
		List<ByteBuf> json = List.of(Unpooled.copiedBuffer("\n\n{\"a\":", StandardCharsets.UTF_8),
				Unpooled.copiedBuffer("1}", StandardCharsets.UTF_8));
		List<ByteBuf> events = List.of(Unpooled.copiedBuffer(": keep-alive\n\ndata: x\n", StandardCharsets.UTF_8),
				Unpooled.copiedBuffer("\n", StandardCharsets.UTF_8));
		StepVerifier
			.create(KeepAliveAwareDecoder.json(slices(json), new ResponseProgress())
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release))
			.expectNext("{\"a\":1}")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier
			.create(KeepAliveAwareDecoder.events(slices(events), new ResponseProgress())
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(json).allSatisfy((buffer) -> assertThat(buffer.refCnt()).isOne());
		assertThat(events).allSatisfy((buffer) -> assertThat(buffer.refCnt()).isOne());
	}

	@Test
	void cancelledStreamLeavesNoReadUnreleased() {
		List<ByteBuf> parents = java.util.stream.IntStream.range(0, 50)
			.mapToObj((i) -> Unpooled.copiedBuffer("data: " + i + "\n\n", StandardCharsets.UTF_8))
			.toList();
		StepVerifier.create(KeepAliveAwareDecoder.events(slices(parents), new ResponseProgress()), 1)
			.expectNextCount(1)
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(parents).allSatisfy((buffer) -> assertThat(buffer.refCnt()).isOne());
	}

	@Test
	void aSubscriberThatAsksForNothingMoreHoldsTheEventsOfAtMostOnePrefetchOfReads() {
		int reads = 3 * EventStreamFlux.PREFETCH;
		AtomicLong requested = new AtomicLong();
		Flux<DataBuffer> body = Flux.range(0, reads)
			.map((i) -> (DataBuffer) DefaultDataBufferFactory.sharedInstance
				.wrap(("data: " + i + "\n\n").getBytes(StandardCharsets.UTF_8)))
			.doOnRequest(requested::addAndGet);
		StepVerifier.create(KeepAliveAwareDecoder.events(body, new ResponseProgress()), 1)
			.assertNext((event) -> assertThat(event.data()).isEqualTo("0"))
			.then(() -> assertThat(requested).hasValue(EventStreamFlux.PREFETCH))
			.thenRequest(EventStreamFlux.PREFETCH - 2)
			.expectNextCount(EventStreamFlux.PREFETCH - 2)
			// One event of the first prefetch still waits: no read is asked for yet.
			.then(() -> assertThat(requested).hasValue(EventStreamFlux.PREFETCH))
			.thenRequest(1)
			.expectNext(new ServerSentEvent(null, String.valueOf(EventStreamFlux.PREFETCH - 1)))
			.then(() -> assertThat(requested).hasValue(2L * EventStreamFlux.PREFETCH))
			.thenRequest(Long.MAX_VALUE)
			.expectNextCount(reads - EventStreamFlux.PREFETCH)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void eventsOfOneReadReachTheSubscriberInOrderWhateverItAsksForWhileTheyArrive() {
		String read = "data: a\n\ndata: b\n\n: keep-alive\n\ndata: c\n\n";
		List<String> seen = new java.util.ArrayList<>();
		KeepAliveAwareDecoder.events(reads(read, "data: d\n\n"), new ResponseProgress())
			.subscribe(new reactor.core.publisher.BaseSubscriber<ServerSentEvent>() {
				@Override
				protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
					request(1);
				}

				@Override
				protected void hookOnNext(ServerSentEvent event) {
					seen.add(event.data());
					// Asked for again from inside the delivery of the one before.
					request(1);
				}
			});
		assertThat(seen).containsExactly("a", "b", "c", "d");
	}

	@Test
	void lineLargerThanTheMaximumEndsTheStreamAndReleasesItsReads() {
		List<ByteBuf> parents = List.of(Unpooled.copiedBuffer("data: {\"a\":\"", StandardCharsets.UTF_8),
				Unpooled.copiedBuffer("x".repeat(40), StandardCharsets.UTF_8),
				Unpooled.copiedBuffer("\"}\n\n", StandardCharsets.UTF_8));
		StepVerifier.create(KeepAliveAwareDecoder.events(slices(parents), new ResponseProgress(), 32))
			.expectError(DataBufferLimitException.class)
			.verify(TIMEOUT);
		assertThat(parents).allSatisfy((buffer) -> assertThat(buffer.refCnt()).isOne());
	}

	@Test
	void eventOfManyLinesLargerThanTheMaximumEndsTheStream() {
		String line = "data: " + "\u00e9".repeat(10) + "\n";
		StepVerifier.create(KeepAliveAwareDecoder.events(reads(line, line, line, "\n"), new ResponseProgress(), 50))
			.expectError(DataBufferLimitException.class)
			.verify(TIMEOUT);
		StepVerifier.create(KeepAliveAwareDecoder.events(reads(line, line, "\n"), new ResponseProgress(), 50))
			.assertNext((event) -> assertThat(event.data()).hasSize(21))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void jsonBodyLargerThanTheMaximumFailsWhileBlankLinesBeforeItDoNotCount() {
		StepVerifier
			.create(KeepAliveAwareDecoder.json(reads("\n".repeat(100), "{\"a\":", "\"0123456789\"}"),
					new ResponseProgress(), 18))
			.expectNext("{\"a\":\"0123456789\"}")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier
			.create(KeepAliveAwareDecoder.json(reads("{\"a\":", "\"0123456789!\"}"), new ResponseProgress(), 18))
			.expectError(DataBufferLimitException.class)
			.verify(TIMEOUT);
	}

	private static Flux<DataBuffer> slices(List<ByteBuf> parents) {
		NettyDataBufferFactory factory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);
		return Flux.fromIterable(parents).map((parent) -> factory.wrap(parent.retainedSlice()));
	}

	private static Flux<DataBuffer> reads(String... chunks) {
		return Flux.fromIterable(Arrays.asList(chunks))
			.map((chunk) -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.getBytes(StandardCharsets.UTF_8)));
	}

}
