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

import java.util.ArrayList;
import java.util.List;

/**
 * A rendered answer ready for the wire: the body pieces in order, each with the number of
 * tokens whose generation time precedes it.
 *
 * @param sse whether the body is a server-sent event stream (else one JSON document)
 * @param pieces the body pieces
 */
record ResponseBody(boolean sse, List<Piece> pieces) {

	static final String SSE_KEEP_ALIVE = ": keep-alive\n\n";

	static final String JSON_KEEP_ALIVE = "\n";

	String contentType() {
		return this.sse ? "text/event-stream; charset=utf-8" : "application/json";
	}

	String keepAlive() {
		return this.sse ? SSE_KEEP_ALIVE : JSON_KEEP_ALIVE;
	}

	String malformedPiece() {
		if (this.sse) {
			return "data: {\"id\":\"malformed\",\"choices\":[{\"delta\":\n\n";
		}
		String json = this.pieces.get(0).text();
		return json.substring(0, json.length() / 2);
	}

	/**
	 * This body cut after its first pieces and ended by an error envelope where data was
	 * expected: the whole body when not streaming, else an event of the request's format.
	 * @param pieces how many pieces of a stream to keep
	 * @param errorJson the envelope
	 * @param anthropic whether the stream is in the Anthropic format
	 * @return the body
	 */
	ResponseBody endingInError(int pieces, String errorJson, boolean anthropic) {
		if (!this.sse) {
			return new ResponseBody(false, List.of(new Piece(errorJson, 0)));
		}
		List<Piece> kept = new ArrayList<>(this.pieces.subList(0, Math.min(pieces, this.pieces.size())));
		kept.add(new Piece((anthropic ? "event: error\ndata: " : "data: ") + errorJson + "\n\n", 0));
		return new ResponseBody(true, kept);
	}

	/**
	 * One piece of a body.
	 *
	 * @param text the bytes to write, as text
	 * @param tokens the tokens generated before it, which set its delay
	 */
	record Piece(String text, int tokens) {

	}

}
