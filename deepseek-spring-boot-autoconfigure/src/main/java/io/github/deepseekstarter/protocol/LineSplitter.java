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

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;

/**
 * Splits a byte stream into lines ending in LF, CRLF or CR, however the bytes are cut
 * into reads. A line is handed over only once whole, so a multi-byte character split
 * between two reads stays intact; it is handed over as bytes, which the receiver decodes
 * (or not) before the splitter is fed again.
 */
final class LineSplitter {

	static final int MAX_KEPT_READ = 8 * 1024;

	private static final byte[] EMPTY = new byte[0];

	/**
	 * Each thread's array to copy a read into. A line is handed over only during the
	 * feed, so the thread that feeds reads of thousands of streams reuses one array, warm
	 * in its cache, where each stream kept one of its own.
	 */
	private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

	private final int maxLineSize;

	// The array of the thread that fed the last read: a connection's reads come in one
	// thread, which then finds it without a thread-local lookup.
	private @Nullable Scratch scratch;

	// Bytes of a line split between reads, the only bytes a stream holds between them.
	private byte[] partial = EMPTY;

	private int partialSize;

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
	 * receiver.
	 * @param buffer the bytes read
	 * @param lines receives the completed lines
	 * @throws DataBufferLimitException when a line exceeds the maximum size
	 */
	void feed(DataBuffer buffer, Lines lines) {
		int length = buffer.readableByteCount();
		Scratch scratch = this.scratch;
		if (scratch == null || scratch.owner != Thread.currentThread()) {
			scratch = SCRATCH.get();
			this.scratch = scratch;
		}
		// A receiver may feed another splitter in this thread before the line it was
		// handed returns: that feed gets an array of its own.
		boolean borrowed = !scratch.inUse && length <= MAX_KEPT_READ;
		byte[] bytes = borrowed ? scratch.borrow(length) : new byte[length];
		try {
			buffer.read(bytes, 0, length);
			split(bytes, length, lines);
		}
		finally {
			if (borrowed) {
				scratch.inUse = false;
			}
		}
	}

	private void split(byte[] bytes, int length, Lines lines) {
		int start = 0;
		for (int i = 0; i < length; i++) {
			byte b = bytes[i];
			if (b != '\n' && b != '\r') {
				continue;
			}
			boolean secondHalfOfCrLf = b == '\n' && this.lastWasCarriageReturn && i == start && this.partialSize == 0;
			this.lastWasCarriageReturn = b == '\r';
			if (!secondHalfOfCrLf) {
				line(bytes, start, i, lines);
			}
			start = i + 1;
		}
		if (start < length) {
			this.lastWasCarriageReturn = false;
			keep(bytes, start, length);
		}
	}

	private void line(byte[] bytes, int start, int end, Lines lines) {
		if (this.partialSize == 0) {
			checkSize(end - start);
			lines.line(bytes, start, end);
			return;
		}
		keep(bytes, start, end);
		take(lines);
	}

	private void keep(byte[] bytes, int start, int end) {
		int size = this.partialSize + end - start;
		checkSize(size);
		if (this.partial.length < size) {
			this.partial = Arrays.copyOf(this.partial, Math.max(size, Math.max(64, 2 * this.partial.length)));
		}
		System.arraycopy(bytes, start, this.partial, this.partialSize, end - start);
		this.partialSize = size;
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
		return this.partialSize > 0;
	}

	/**
	 * Hands over the pending unterminated line, consumed.
	 * @param lines receives the line
	 */
	void take(Lines lines) {
		int size = this.partialSize;
		byte[] line = this.partial;
		this.partialSize = 0;
		if (line.length > MAX_KEPT_READ) {
			// A line that large is not kept for the next one.
			this.partial = EMPTY;
		}
		lines.line(line, 0, size);
	}

	/**
	 * The bytes the splitter holds between reads, whatever it was fed.
	 * @return the size of its array
	 */
	int retainedBytes() {
		return this.partial.length;
	}

	/**
	 * Receives the lines, as a range of bytes valid only during the call.
	 */
	interface Lines {

		/**
		 * One line, without its terminator.
		 * @param bytes holds the line
		 * @param start the index of its first byte
		 * @param end the index after its last byte
		 */
		void line(byte[] bytes, int start, int end);

	}

	/**
	 * A thread's array for reads, and whether a feed of this thread holds it.
	 */
	private static final class Scratch {

		private final Thread owner = Thread.currentThread();

		private byte[] bytes = new byte[512];

		private boolean inUse;

		byte[] borrow(int length) {
			if (this.bytes.length < length) {
				this.bytes = new byte[Math.min(MAX_KEPT_READ, Math.max(length, 2 * this.bytes.length))];
			}
			this.inUse = true;
			return this.bytes;
		}

	}

}
