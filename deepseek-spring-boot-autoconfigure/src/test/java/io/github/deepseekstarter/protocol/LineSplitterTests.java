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
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LineSplitter}.
 */
class LineSplitterTests {

	private final List<String> lines = new ArrayList<>();

	private final LineSplitter.Lines receiver = (bytes, start, end) -> this.lines
		.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));

	@Test
	void aLargeReadIsSplitAndNotHeldAfterwards() {
		LineSplitter splitter = new LineSplitter(1024 * 1024);
		String big = "data: " + "x".repeat(64 * 1024);
		feed(splitter, big + "\n\n");
		feed(splitter, "data: é\r\n");
		assertThat(this.lines).containsExactly(big, "", "data: é");
		// Thousands of open streams must not each keep the largest read they had.
		assertThat(splitter.retainedBytes()).isLessThanOrEqualTo(LineSplitter.MAX_KEPT_READ + 256);
	}

	@Test
	void smallReadsReuseOneArrayAndJoinLinesAcrossReads() {
		LineSplitter splitter = new LineSplitter(1024);
		feed(splitter, "data: he");
		feed(splitter, "llo\r");
		feed(splitter, "\ndata: ");
		feed(splitter, "two\n");
		assertThat(this.lines).containsExactly("data: hello", "data: two");
		assertThat(splitter.hasPartialLine()).isFalse();
		// Only the array for lines split between reads, sized to them.
		assertThat(splitter.retainedBytes()).isEqualTo(64);
	}

	@Test
	void aStreamWhoseReadsEndInLineBreaksHoldsNoBytesBetweenThem() {
		LineSplitter splitter = new LineSplitter(1024);
		for (int i = 0; i < 20; i++) {
			feed(splitter, ": keep-alive\n\n");
		}
		feed(splitter, "data: " + "x".repeat(600) + "\n\n");
		assertThat(this.lines).hasSize(42);
		assertThat(splitter.retainedBytes()).isZero();
	}

	@Test
	void aLargeLineSplitBetweenReadsIsNotHeldOnceHandedOver() {
		LineSplitter splitter = new LineSplitter(1024 * 1024);
		String big = "data: " + "y".repeat(20 * 1024);
		feed(splitter, big.substring(0, 10 * 1024));
		feed(splitter, big.substring(10 * 1024));
		feed(splitter, "\n");
		assertThat(this.lines).containsExactly(big);
		assertThat(splitter.retainedBytes()).isZero();
	}

	@Test
	void aReceiverThatFeedsAnotherSplitterInTheSameThreadLeavesItsOwnLinesWhole() {
		LineSplitter other = new LineSplitter(1024);
		List<String> otherLines = new ArrayList<>();
		LineSplitter splitter = new LineSplitter(1024);
		splitter.feed(wrap("data: first\ndata: second\n"), (bytes, start, end) -> {
			this.lines.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));
			if (this.lines.size() == 1) {
				// In the middle of the read: the other stream's read must not land in the
				// bytes this one is still splitting.
				other.feed(wrap("data: OTHER STREAM OVERWRITES\n"),
						(b, s, e) -> otherLines.add(new String(b, s, e - s, StandardCharsets.UTF_8)));
			}
		});
		assertThat(this.lines).containsExactly("data: first", "data: second");
		assertThat(otherLines).containsExactly("data: OTHER STREAM OVERWRITES");
	}

	private void feed(LineSplitter splitter, String text) {
		splitter.feed(wrap(text), this.receiver);
	}

	private static DataBuffer wrap(String text) {
		return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

}
