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

import org.jspecify.annotations.Nullable;

/**
 * What one response has shown so far: keep-alives and the arrival of its first real byte.
 * Written by the decoder on the connection's thread, read by timeouts and error handling
 * on others.
 */
public final class ResponseProgress {

	private final long startNanos;

	private volatile int keepAlives;

	private volatile long firstByteNanos = -1;

	private volatile @Nullable ResponseMetadata startedMetadata;

	/**
	 * Starts measuring a response whose request is being sent now.
	 */
	public ResponseProgress() {
		this.startNanos = System.nanoTime();
	}

	void keepAlive() {
		this.keepAlives++;
	}

	void firstByte() {
		if (this.firstByteNanos < 0) {
			this.firstByteNanos = System.nanoTime();
		}
	}

	/**
	 * How many keep-alives arrived before the first real byte.
	 * @return the count
	 */
	public int keepAlives() {
		return this.keepAlives;
	}

	/**
	 * Whether a byte other than a keep-alive has arrived, that is whether inference
	 * started.
	 * @return {@code true} once real content arrived
	 */
	public boolean started() {
		return this.firstByteNanos >= 0;
	}

	/**
	 * The time since the request was sent.
	 * @return the elapsed time
	 */
	public Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startNanos);
	}

	/**
	 * The metadata of the response as far as it has been seen.
	 * @return the metadata
	 */
	public ResponseMetadata metadata() {
		long first = this.firstByteNanos;
		if (first < 0) {
			return new ResponseMetadata(this.keepAlives, elapsed());
		}
		// Keep-alives are counted only before the first real byte, so from then on
		// the metadata is fixed: one object for every event of a stream.
		ResponseMetadata started = this.startedMetadata;
		if (started == null) {
			started = new ResponseMetadata(this.keepAlives, Duration.ofNanos(first - this.startNanos));
			this.startedMetadata = started;
		}
		return started;
	}

}
