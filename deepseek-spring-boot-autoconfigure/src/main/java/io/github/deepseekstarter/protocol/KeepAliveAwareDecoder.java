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
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Decodes DeepSeek response bodies without mistaking keep-alives for data. While a
 * request waits for inference DeepSeek sends blank lines before a JSON body and
 * {@code : keep-alive} comments before or between server-sent events; both are counted in
 * the {@link ResponseProgress}, never parsed.
 */
public final class KeepAliveAwareDecoder {

	/** The default maximum size of one event, or of one line, in bytes: 4 MiB. */
	public static final int DEFAULT_MAX_EVENT_SIZE = 4 * 1024 * 1024;

	/** The default maximum size of a JSON body, in bytes: 16 MiB. */
	public static final int DEFAULT_MAX_BODY_SIZE = 16 * 1024 * 1024;

	private KeepAliveAwareDecoder() {
	}

	/**
	 * Decodes a {@code text/event-stream} body into its events, each at most
	 * {@link #DEFAULT_MAX_EVENT_SIZE} bytes.
	 * @param body the body, whose buffers this method releases
	 * @param progress where keep-alives and the first real byte are recorded
	 * @return the events with data, in order
	 * @see #events(Flux, ResponseProgress, int)
	 */
	public static Flux<ServerSentEvent> events(Flux<DataBuffer> body, ResponseProgress progress) {
		return events(body, progress, DEFAULT_MAX_EVENT_SIZE);
	}

	/**
	 * Decodes a {@code text/event-stream} body into its events. Comments and empty events
	 * are counted as keep-alives until the first event with data; events split across
	 * reads are joined. A line, or the data of one event, larger than the maximum ends
	 * the stream with a {@link DataBufferLimitException} instead of growing the memory
	 * held for it.
	 * @param body the body, whose buffers this method releases
	 * @param progress where keep-alives and the first real byte are recorded
	 * @param maxEventSize the most bytes one line or the data of one event may hold
	 * @return the events with data, in order
	 */
	public static Flux<ServerSentEvent> events(Flux<DataBuffer> body, ResponseProgress progress, int maxEventSize) {
		return new EventStreamFlux(body, progress, maxEventSize);
	}

	/**
	 * Decodes a JSON body that may be preceded by blank lines, of at most
	 * {@link #DEFAULT_MAX_BODY_SIZE} bytes.
	 * @param body the body, whose buffers this method releases
	 * @param progress where keep-alives and the first real byte are recorded
	 * @return the JSON text, or empty when the body held nothing but keep-alives
	 * @see #json(Flux, ResponseProgress, int)
	 */
	public static Mono<String> json(Flux<DataBuffer> body, ResponseProgress progress) {
		return json(body, progress, DEFAULT_MAX_BODY_SIZE);
	}

	/**
	 * Decodes a JSON body that may be preceded by blank lines. A JSON text larger than
	 * the maximum (the blank lines before it do not count) ends the body with a
	 * {@link DataBufferLimitException}.
	 * @param body the body, whose buffers this method releases
	 * @param progress where keep-alives and the first real byte are recorded
	 * @param maxBodySize the most bytes the JSON text may hold
	 * @return the JSON text, or empty when the body held nothing but keep-alives
	 */
	public static Mono<String> json(Flux<DataBuffer> body, ResponseProgress progress, int maxBodySize) {
		return collect(body, progress, maxBodySize, JsonCollector::text);
	}

	/**
	 * Decodes a JSON body that may be preceded by blank lines into the UTF-8 bytes of its
	 * JSON text, for a reader of bytes: what {@link #json(Flux, ResponseProgress, int)}
	 * decodes to text. A body that comes in one read is copied once.
	 * @param body the body, whose buffers this method releases
	 * @param progress where keep-alives and the first real byte are recorded
	 * @param maxBodySize the most bytes the JSON text may hold
	 * @return the JSON text's bytes, or empty when the body held nothing but keep-alives
	 */
	public static Mono<byte[]> jsonBytes(Flux<DataBuffer> body, ResponseProgress progress, int maxBodySize) {
		return collect(body, progress, maxBodySize, JsonCollector::bytes);
	}

	private static <T> Mono<T> collect(Flux<DataBuffer> body, ResponseProgress progress, int maxBodySize,
			Function<JsonCollector, @Nullable T> result) {
		return Mono.defer(() -> {
			JsonCollector collector = new JsonCollector(progress, maxBodySize);
			// Each buffer is released once fed; what then() drops is a marker, never a
			// buffer a discard hook would release again.
			return body.map(collector::feed).then(Mono.fromSupplier(() -> result.apply(collector)));
		});
	}

	/**
	 * Splits reads into lines and lines into events, handing each event to a sink in the
	 * thread that feeds the read that completes it.
	 */
	static final class EventParser implements LineSplitter.Lines {

		private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

		private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);

		private final ResponseProgress progress;

		private final LineSplitter lines;

		private final int maxEventSize;

		// The data of an event of one line, the usual case, is decoded once and never
		// copied; only a second line starts the builder, made at the first such event.
		private @Nullable String firstData;

		private @Nullable StringBuilder data;

		private long dataBytes;

		private @Nullable String event;

		private final Consumer<ServerSentEvent> sink;

		EventParser(ResponseProgress progress, int maxEventSize, Consumer<ServerSentEvent> sink) {
			this.progress = progress;
			this.maxEventSize = maxEventSize;
			this.lines = new LineSplitter(maxEventSize);
			this.sink = sink;
		}

		/**
		 * Feeds one read; the caller releases it.
		 * @param buffer the read
		 */
		void feed(DataBuffer buffer) {
			this.lines.feed(buffer, this);
		}

		/**
		 * Ends the body: a last line without its line break, and a last event without its
		 * blank line, still count.
		 */
		void finish() {
			if (this.lines.hasPartialLine()) {
				this.lines.take(this);
			}
			dispatch();
		}

		@Override
		public void line(byte[] bytes, int start, int end) {
			if (start == end) {
				dispatch();
				return;
			}
			if (bytes[start] == ':') {
				if (!this.progress.started()) {
					this.progress.keepAlive();
				}
				return;
			}
			int colon = indexOf(bytes, start, end, (byte) ':');
			int fieldEnd = (colon < 0) ? end : colon;
			int valueStart = (colon < 0) ? end : colon + 1;
			if (valueStart < end && bytes[valueStart] == ' ') {
				valueStart++;
			}
			if (Arrays.equals(bytes, start, fieldEnd, DATA, 0, DATA.length)) {
				this.progress.firstByte();
				data(bytes, valueStart, end);
			}
			else if (Arrays.equals(bytes, start, fieldEnd, EVENT, 0, EVENT.length)) {
				this.event = new String(bytes, valueStart, end - valueStart, StandardCharsets.UTF_8);
			}
		}

		/**
		 * Adds a data line; the event's size counts its bytes and the newlines that join
		 * its lines.
		 */
		private void data(byte[] bytes, int start, int end) {
			boolean first = this.firstData == null;
			this.dataBytes += (end - start) + (first ? 0 : 1);
			if (this.dataBytes > this.maxEventSize) {
				throw new DataBufferLimitException("An event of the stream exceeded " + this.maxEventSize + " bytes");
			}
			String value = new String(bytes, start, end - start, StandardCharsets.UTF_8);
			if (first) {
				this.firstData = value;
				return;
			}
			StringBuilder data = this.data;
			if (data == null) {
				data = new StringBuilder();
				this.data = data;
			}
			if (data.length() == 0) {
				data.append(this.firstData);
			}
			data.append('\n').append(value);
		}

		private void dispatch() {
			String text = this.firstData;
			if (text == null && this.event == null && !this.progress.started()) {
				// A blank line alone is how some servers keep a queued stream alive.
				return;
			}
			StringBuilder data = this.data;
			boolean joined = data != null && data.length() > 0;
			ServerSentEvent ready = (text != null) ? new ServerSentEvent(this.event, joined ? data.toString() : text)
					: null;
			this.firstData = null;
			if (joined) {
				data.setLength(0);
			}
			this.dataBytes = 0;
			this.event = null;
			if (ready != null) {
				// Last: the sink may deliver the event at once, and its subscriber may
				// cancel or ask for more before this returns.
				this.sink.accept(ready);
			}
		}

		private static int indexOf(byte[] bytes, int start, int end, byte wanted) {
			for (int i = start; i < end; i++) {
				if (bytes[i] == wanted) {
					return i;
				}
			}
			return -1;
		}

	}

	private static final class JsonCollector {

		private static final byte[] EMPTY = new byte[0];

		private final ResponseProgress progress;

		private final int maxBodySize;

		// Sized to the first read with JSON in it, the whole body in the usual case, and
		// grown only when the body spans several reads.
		private byte[] json = EMPTY;

		private int size;

		private boolean leading = true;

		JsonCollector(ResponseProgress progress, int maxBodySize) {
			this.progress = progress;
			this.maxBodySize = maxBodySize;
		}

		boolean feed(DataBuffer buffer) {
			try {
				int start = buffer.readPosition();
				int end = buffer.writePosition();
				int i = start;
				while (this.leading && i < end) {
					byte b = buffer.getByte(i);
					if (b == '\n') {
						this.progress.keepAlive();
					}
					else if (b != '\r' && b != ' ' && b != '\t') {
						this.leading = false;
						this.progress.firstByte();
						break;
					}
					i++;
				}
				int length = end - i;
				if ((long) this.size + length > this.maxBodySize) {
					throw new DataBufferLimitException("The JSON body exceeded " + this.maxBodySize + " bytes");
				}
				if (length > 0) {
					if (this.size + length > this.json.length) {
						this.json = Arrays.copyOf(this.json, Math.max(this.size + length, 2 * this.json.length));
					}
					buffer.readPosition(i);
					buffer.read(this.json, this.size, length);
					this.size += length;
				}
				return true;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

		byte @Nullable [] bytes() {
			if (this.leading) {
				return null;
			}
			// Exact already when the JSON came in one read, or filled its last growth.
			return (this.size == this.json.length) ? this.json : Arrays.copyOf(this.json, this.size);
		}

		@Nullable String text() {
			return this.leading ? null : new String(this.json, 0, this.size, StandardCharsets.UTF_8);
		}

	}

}
