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
		assertThat(splitter.retainedBytes()).isEqualTo(512 + 256);
	}

	private void feed(LineSplitter splitter, String text) {
		splitter.feed(DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)),
				this.receiver);
	}

}
