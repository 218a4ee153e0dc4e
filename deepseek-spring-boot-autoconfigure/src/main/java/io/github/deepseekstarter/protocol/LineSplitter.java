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
import java.util.function.Consumer;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;

/**
 * Splits a byte stream into UTF-8 lines ending in LF, CRLF or CR, however the bytes are
 * cut into reads. A line is decoded only once whole, so a multi-byte character split
 * between two reads stays intact.
 */
final class LineSplitter {

	private final ByteArrayOutputStream partial = new ByteArrayOutputStream(256);

	private final int maxLineSize;

	private boolean lastWasCarriageReturn;

	/**
	 * Creates a splitter.
	 * @param maxLineSize the most bytes one line may hold
	 */
	LineSplitter(int maxLineSize) {
		this.maxLineSize = maxLineSize;
	}

	/**
	 * Feeds one read and hands every completed line, without its terminator, to the
	 * consumer.
	 * @param buffer the bytes read
	 * @param lines receives the completed lines
	 * @throws DataBufferLimitException when a line exceeds the maximum size
	 */
	void feed(DataBuffer buffer, Consumer<String> lines) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		int start = 0;
		for (int i = 0; i < bytes.length; i++) {
			byte b = bytes[i];
			if (b != '\n' && b != '\r') {
				continue;
			}
			boolean secondHalfOfCrLf = b == '\n' && this.lastWasCarriageReturn && i == start
					&& this.partial.size() == 0;
			this.lastWasCarriageReturn = b == '\r';
			if (!secondHalfOfCrLf) {
				lines.accept(line(bytes, start, i));
			}
			start = i + 1;
		}
		if (start < bytes.length) {
			this.lastWasCarriageReturn = false;
			checkSize(this.partial.size() + bytes.length - start);
			this.partial.write(bytes, start, bytes.length - start);
		}
	}

	private String line(byte[] bytes, int start, int end) {
		checkSize(this.partial.size() + end - start);
		if (this.partial.size() == 0) {
			return new String(bytes, start, end - start, StandardCharsets.UTF_8);
		}
		this.partial.write(bytes, start, end - start);
		return take();
	}

	private void checkSize(int size) {
		if (size > this.maxLineSize) {
			throw new DataBufferLimitException("A line of the body exceeded " + this.maxLineSize + " bytes");
		}
	}

	/**
	 * Whether bytes of an unterminated line are pending.
	 * @return {@code true} when a partial line is buffered
	 */
	boolean hasPartialLine() {
		return this.partial.size() > 0;
	}

	/**
	 * The pending unterminated line, consumed.
	 * @return the line
	 */
	String take() {
		String line = this.partial.toString(StandardCharsets.UTF_8);
		this.partial.reset();
		return line;
	}

}
