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

/**
 * Splits a byte stream into UTF-8 lines ending in LF, CRLF or CR, however the bytes are
 * cut into reads. A line is decoded only once whole, so a multi-byte character split
 * between two reads stays intact.
 */
final class LineSplitter {

	private final ByteArrayOutputStream partial = new ByteArrayOutputStream(256);

	private boolean lastWasCarriageReturn;

	/**
	 * Feeds one read and hands every completed line, without its terminator, to the
	 * consumer.
	 * @param buffer the bytes read
	 * @param lines receives the completed lines
	 */
	void feed(DataBuffer buffer, Consumer<String> lines) {
		int end = buffer.writePosition();
		for (int i = buffer.readPosition(); i < end; i++) {
			byte b = buffer.getByte(i);
			if (b == '\n') {
				if (this.lastWasCarriageReturn) {
					this.lastWasCarriageReturn = false;
					continue;
				}
				lines.accept(take());
			}
			else if (b == '\r') {
				this.lastWasCarriageReturn = true;
				lines.accept(take());
			}
			else {
				this.lastWasCarriageReturn = false;
				this.partial.write(b);
			}
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
