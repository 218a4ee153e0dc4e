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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Decodes DeepSeek response bodies without mistaking keep-alives for data. While a
 * request waits for inference DeepSeek sends blank lines before a JSON body and
 * {@code : keep-alive} comments before or between server-sent events; both are counted in
 * the {@link ResponseProgress}, never parsed.
 */
public final class KeepAliveAwareDecoder {

	private KeepAliveAwareDecoder() {
	}

	/**
	 * Decodes a {@code text/event-stream} body into its events. Comments and empty events
	 * are counted as keep-alives until the first event with data; events split across
	 * reads are joined.
	 * @param body the body, whose buffers this method releases
	 * @param progress where keep-alives and the first real byte are recorded
	 * @return the events with data, in order
	 */
	public static Flux<ServerSentEvent> events(Flux<DataBuffer> body, ResponseProgress progress) {
		return Flux.defer(() -> {
			EventParser parser = new EventParser(progress);
			// Each read is decoded (and released) as it arrives, so what waits in the
			// operator's queue are events, never buffers that a cancel would leak.
			return body.map(parser::feed).concatMapIterable(Function.identity()).concatWith(Flux.defer(parser::finish));
		});
	}

	/**
	 * Decodes a JSON body that may be preceded by blank lines.
	 * @param body the body, whose buffers this method releases
	 * @param progress where keep-alives and the first real byte are recorded
	 * @return the JSON text, or empty when the body held nothing but keep-alives
	 */
	public static Mono<String> json(Flux<DataBuffer> body, ResponseProgress progress) {
		return Mono.defer(() -> {
			JsonCollector collector = new JsonCollector(progress);
			// Each buffer is released once fed; what then() drops is a marker, never a
			// buffer a discard hook would release again.
			return body.map(collector::feed).then(Mono.fromSupplier(collector::result));
		});
	}

	private static final class EventParser {

		private final ResponseProgress progress;

		private final LineSplitter lines = new LineSplitter();

		private final StringBuilder data = new StringBuilder();

		private boolean hasData;

		private @Nullable String event;

		private List<ServerSentEvent> ready = new ArrayList<>(2);

		EventParser(ResponseProgress progress) {
			this.progress = progress;
		}

		List<ServerSentEvent> feed(DataBuffer buffer) {
			try {
				this.lines.feed(buffer, this::line);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
			// What a read completed is handed over whole and never touched again: the
			// operator may still hold it, unread, when the next read arrives. A read that
			// completed nothing hands over no list of the parser's at all.
			if (this.ready.isEmpty()) {
				return List.of();
			}
			List<ServerSentEvent> events = this.ready;
			this.ready = new ArrayList<>(2);
			return events;
		}

		Flux<ServerSentEvent> finish() {
			if (this.lines.hasPartialLine()) {
				line(this.lines.take());
			}
			dispatch();
			return Flux.fromIterable(this.ready);
		}

		private void line(String line) {
			if (line.isEmpty()) {
				dispatch();
				return;
			}
			if (line.charAt(0) == ':') {
				if (!this.progress.started()) {
					this.progress.keepAlive();
				}
				return;
			}
			int colon = line.indexOf(':');
			String field = (colon < 0) ? line : line.substring(0, colon);
			String value = (colon < 0) ? "" : line.substring(colon + 1);
			if (value.startsWith(" ")) {
				value = value.substring(1);
			}
			if ("data".equals(field)) {
				this.progress.firstByte();
				if (this.hasData) {
					this.data.append('\n');
				}
				this.data.append(value);
				this.hasData = true;
			}
			else if ("event".equals(field)) {
				this.event = value;
			}
		}

		private void dispatch() {
			if (this.hasData) {
				this.ready.add(new ServerSentEvent(this.event, this.data.toString()));
			}
			else if (this.event == null && !this.progress.started()) {
				// A blank line alone is how some servers keep a queued stream alive.
				return;
			}
			this.data.setLength(0);
			this.hasData = false;
			this.event = null;
		}

	}

	private static final class JsonCollector {

		private final ResponseProgress progress;

		private final ByteArrayOutputStream json = new ByteArrayOutputStream(1024);

		private boolean leading = true;

		JsonCollector(ResponseProgress progress) {
			this.progress = progress;
		}

		boolean feed(DataBuffer buffer) {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				int i = 0;
				while (this.leading && i < bytes.length) {
					byte b = bytes[i];
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
				this.json.write(bytes, i, bytes.length - i);
				return true;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

		@Nullable String result() {
			return this.leading ? null : this.json.toString(StandardCharsets.UTF_8);
		}

	}

}
