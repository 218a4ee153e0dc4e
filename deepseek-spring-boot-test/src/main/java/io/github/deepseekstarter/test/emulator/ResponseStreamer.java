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

package io.github.deepseekstarter.test.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Writes an admitted request's answer: keep-alives while it waits in the server queue,
 * the pre-inference close, then the body pieces paced like token generation, with body
 * faults applied; releases the lane slot once, when the last byte is written or the
 * exchange ends.
 */
final class ResponseStreamer {

	private final EmulatorSettings settings;

	ResponseStreamer(EmulatorSettings settings) {
		this.settings = settings;
	}

	Mono<Void> send(HttpServerResponse response, LaneState.Admission admission, ResponseBody body,
			@Nullable Fault fault) {
		InferenceTicket ticket = admission.lane().requestInference();
		AtomicBoolean released = new AtomicBoolean();
		Runnable release = () -> {
			if (released.compareAndSet(false, true)) {
				ticket.release();
				admission.release();
			}
		};
		AtomicBoolean closeAtEnd = new AtomicBoolean();
		Flux<String> generation = Flux.defer(() -> generate(body, fault, closeAtEnd));
		Flux<String> pieces;
		if (ticket.isGranted()) {
			pieces = generation;
		}
		else {
			Mono<Boolean> started = ticket.started()
				.timeout(this.settings.preInferenceTimeout, Mono.fromCallable(() -> !ticket.withdraw()))
				.cache();
			// A client that reads slowly may miss keep-alives, never get an overflow
			// error.
			Flux<String> keepAlives = Flux.interval(Duration.ZERO, this.settings.keepAliveInterval)
				.onBackpressureDrop()
				.map((tick) -> body.keepAlive())
				.takeUntilOther(started);
			pieces = keepAlives.concatWith(started.flatMapMany((inference) -> {
				if (inference) {
					return generation;
				}
				closeAtEnd.set(true);
				return Flux.empty();
			}));
		}
		response.status(HttpResponseStatus.OK).header(HttpHeaderNames.CONTENT_TYPE, body.contentType());
		if (body.sse()) {
			response.header(HttpHeaderNames.CACHE_CONTROL, "no-cache");
		}
		Flux<byte[]> writes = pieces.map((text) -> text.getBytes(StandardCharsets.UTF_8));
		if (this.settings.splitWrites) {
			writes = writes.concatMapIterable(ResponseStreamer::halves);
		}
		return response.send(writes.map(Unpooled::wrappedBuffer), (buffer) -> true)
			.then()
			.then(Mono.fromRunnable(release))
			.then(Mono.defer(() -> closeAtEnd.get() ? close(response) : Mono.<Void>empty()))
			.doFinally((signal) -> release.run());
	}

	private Flux<String> generate(ResponseBody body, @Nullable Fault fault, AtomicBoolean closeAtEnd) {
		List<ResponseBody.Piece> pieces = new ArrayList<>(body.pieces());
		Flux<String> tail = Flux.empty();
		if (fault != null) {
			int at = Math.min(fault.afterChunks(), pieces.size());
			switch (fault.kind()) {
				case MALFORMED -> pieces.add(at, new ResponseBody.Piece(body.malformedPiece(), 0));
				case CLOSE -> {
					pieces = pieces.subList(0, at);
					closeAtEnd.set(true);
				}
				case STALL -> {
					pieces = pieces.subList(0, at);
					tail = Flux.never();
				}
				default -> {
				}
			}
		}
		Duration firstToken = this.settings.timeToFirstToken;
		Duration perToken = this.settings.tokenInterval;
		List<ResponseBody.Piece> paced = List.copyOf(pieces);
		return Flux.range(0, paced.size()).concatMap((index) -> {
			ResponseBody.Piece piece = paced.get(index);
			Duration delay = perToken.multipliedBy(piece.tokens());
			if (index == 0) {
				delay = delay.plus(firstToken);
			}
			return delay.isZero() ? Mono.just(piece.text()) : Mono.delay(delay).thenReturn(piece.text());
		}).concatWith(tail);
	}

	/**
	 * Cuts a piece in two, inside its first multi-byte character if it has one, else in
	 * the middle.
	 */
	private static List<byte[]> halves(byte[] piece) {
		if (piece.length < 2) {
			return List.of(piece);
		}
		int cut = piece.length / 2;
		for (int i = 1; i < piece.length; i++) {
			if ((piece[i] & 0xC0) == 0x80) {
				cut = i;
				break;
			}
		}
		return List.of(Arrays.copyOfRange(piece, 0, cut), Arrays.copyOfRange(piece, cut, piece.length));
	}

	private static Mono<Void> close(HttpServerResponse response) {
		return Mono.create((sink) -> response
			.withConnection((connection) -> connection.channel().close().addListener((future) -> sink.success())));
	}

}
