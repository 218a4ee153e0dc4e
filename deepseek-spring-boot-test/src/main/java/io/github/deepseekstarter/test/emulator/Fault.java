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

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the emulator does to one chat request instead of (or while) answering it normally.
 * Hand a fault to {@link DeepSeekEmulator#enqueueFault(Fault)} (one shot) or
 * {@link DeepSeekEmulator#addFaultRule(java.util.function.Predicate, Fault)} (every
 * match). Faults apply after authentication and request validation; a status fault
 * answers before the request takes a concurrency slot.
 * <p>
 * Body faults count "chunks" as the pieces of the response body: SSE events when
 * streaming (the first one carries the role), the whole JSON document when not.
 */
public final class Fault {

	enum Kind {

		STATUS, CLOSE, STALL, MALFORMED, REPLY, ERROR_IN_BODY

	}

	private final Kind kind;

	private final int status;

	private final @Nullable String message;

	private final @Nullable Duration retryAfter;

	private final int afterChunks;

	private final @Nullable Reply reply;

	private Fault(Kind kind, int status, @Nullable String message, @Nullable Duration retryAfter, int afterChunks,
			@Nullable Reply reply) {
		this.kind = kind;
		this.status = status;
		this.message = message;
		this.retryAfter = retryAfter;
		this.afterChunks = afterChunks;
		this.reply = reply;
	}

	/**
	 * Answer with an HTTP error status and DeepSeek's body for it: 400
	 * {@code Invalid Format}, 401 {@code Authentication Fails (no such user)}, 402
	 * {@code Insufficient Balance}, 422 {@code Invalid Parameters}, 429 the concurrency
	 * message (with the lane's limit), 500 {@code Server Error}, 503
	 * {@code Server Overloaded}; all in the OpenAI error envelope.
	 * @param status the HTTP status, 400 to 599
	 * @return the fault
	 */
	public static Fault status(int status) {
		return status(status, null);
	}

	/**
	 * Answer with an HTTP error status and the given message in the error envelope.
	 * @param status the HTTP status, 400 to 599
	 * @param message the error message, or {@code null} for DeepSeek's own
	 * @return the fault
	 */
	public static Fault status(int status, @Nullable String message) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("Fault status must be 400 to 599, was " + status);
		}
		return new Fault(Kind.STATUS, status, message, null, 0, null);
	}

	/**
	 * Answer 200 and put DeepSeek's error envelope for {@code status} where the answer
	 * was expected: as the whole body of a non-streamed answer; after the first
	 * {@code chunks} pieces of a stream as a {@code data:} event (OpenAI format) or an
	 * {@code event: error} (Anthropic format), ending the stream. The envelope is the one
	 * {@link #status(int)} would send, in Anthropic's format when the emulator runs
	 * without DeepSeek's quirks.
	 * @param status the status whose error the envelope carries, 400 to 599
	 * @param chunks how many pieces of a stream to send first
	 * @return the fault
	 */
	public static Fault errorInBody(int status, int chunks) {
		return errorInBody(status, null, chunks);
	}

	/**
	 * Like {@link #errorInBody(int, int)}, with the given message in the envelope.
	 * @param status the status whose error the envelope carries, 400 to 599
	 * @param message the error message, or {@code null} for DeepSeek's own
	 * @param chunks how many pieces of a stream to send first
	 * @return the fault
	 */
	public static Fault errorInBody(int status, @Nullable String message, int chunks) {
		status(status);
		return new Fault(Kind.ERROR_IN_BODY, status, message, null, requireNonNegative(chunks), null);
	}

	/**
	 * Send the first {@code chunks} body pieces, then close the connection abruptly (no
	 * end of the chunked body, no {@code [DONE]}): the client sees a connection reset
	 * mid-stream.
	 * @param chunks how many pieces to send first
	 * @return the fault
	 */
	public static Fault closeAfterChunks(int chunks) {
		return new Fault(Kind.CLOSE, 200, null, null, requireNonNegative(chunks), null);
	}

	/**
	 * Send the first {@code chunks} body pieces, then send nothing more while keeping the
	 * connection open; the request keeps its concurrency slot until the client gives up
	 * or the emulator closes.
	 * @param chunks how many pieces to send first
	 * @return the fault
	 */
	public static Fault stallAfterChunks(int chunks) {
		return new Fault(Kind.STALL, 200, null, null, requireNonNegative(chunks), null);
	}

	/**
	 * Send the first {@code chunks} body pieces, then one malformed piece (an SSE
	 * {@code data:} line with broken JSON when streaming, a truncated JSON document when
	 * not), then the rest of the body.
	 * @param chunks how many pieces to send before the malformed one
	 * @return the fault
	 */
	public static Fault malformedChunkAfter(int chunks) {
		return new Fault(Kind.MALFORMED, 200, null, null, requireNonNegative(chunks), null);
	}

	/**
	 * Answer normally with the given scripted reply.
	 * @param reply the reply
	 * @return the fault
	 */
	public static Fault reply(Reply reply) {
		return new Fault(Kind.REPLY, 200, null, null, 0, Objects.requireNonNull(reply));
	}

	/**
	 * Return a copy that also sends {@code Retry-After} (whole seconds, rounded up); only
	 * status faults send headers of their own.
	 * @param retryAfter the delay to advertise
	 * @return the copy
	 */
	public Fault withRetryAfter(Duration retryAfter) {
		return new Fault(this.kind, this.status, this.message, Objects.requireNonNull(retryAfter), this.afterChunks,
				this.reply);
	}

	/**
	 * Return a copy whose body is built from the given reply (for body faults).
	 * @param reply the reply
	 * @return the copy
	 */
	public Fault withReply(Reply reply) {
		return new Fault(this.kind, this.status, this.message, this.retryAfter, this.afterChunks,
				Objects.requireNonNull(reply));
	}

	Kind kind() {
		return this.kind;
	}

	int status() {
		return this.status;
	}

	@Nullable String message() {
		return this.message;
	}

	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	int afterChunks() {
		return this.afterChunks;
	}

	@Nullable Reply reply() {
		return this.reply;
	}

	private static int requireNonNegative(int chunks) {
		if (chunks < 0) {
			throw new IllegalArgumentException("Chunk count must not be negative, was " + chunks);
		}
		return chunks;
	}

	@Override
	public String toString() {
		return "Fault[" + this.kind + ", status=" + this.status + ", afterChunks=" + this.afterChunks + "]";
	}

}
