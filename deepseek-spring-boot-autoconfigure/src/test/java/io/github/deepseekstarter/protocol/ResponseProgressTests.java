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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResponseProgress}.
 */
class ResponseProgressTests {

	@Test
	void beforeTheFirstByteTheMetadataGrowsWithTheWait() {
		ResponseProgress progress = new ResponseProgress();
		progress.keepAlive();
		ResponseMetadata first = progress.metadata();
		progress.keepAlive();
		ResponseMetadata second = progress.metadata();
		assertThat(first.keepAlives()).isEqualTo(1);
		assertThat(second.keepAlives()).isEqualTo(2);
		assertThat(second.firstByteWait()).isGreaterThanOrEqualTo(first.firstByteWait());
		assertThat(second).isNotSameAs(first);
	}

	@Test
	void fromTheFirstByteOnTheMetadataIsFixedAndShared() {
		ResponseProgress progress = new ResponseProgress();
		progress.keepAlive();
		progress.keepAlive();
		progress.firstByte();
		ResponseMetadata atStart = progress.metadata();
		progress.firstByte();
		ResponseMetadata later = progress.metadata();
		assertThat(atStart.keepAlives()).isEqualTo(2);
		assertThat(atStart.firstByteWait()).isBetween(Duration.ZERO, Duration.ofMinutes(1));
		assertThat(later).isSameAs(atStart);
	}

}
