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
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * A random response body as DeepSeek could send it, with what a correct decoder must make
 * of it: the events (or the JSON text) and the keep-alives counted before the first real
 * byte. Keep-alives (comments with and without a space, bare colons, blank lines) are
 * placed at random where the wire allows them; lines end in LF, CRLF or CR; payloads hold
 * two-, three- and four-byte UTF-8 characters.
 *
 * @param format the kind of body
 * @param bytes the body
 * @param events the events of an event stream, in order (empty for a JSON body)
 * @param json the JSON text of a JSON body, {@code null} for an event stream
 * @param keepAlives the keep-alives a decoder counts before the first real byte
 */
record GeneratedWire(Format format, byte[] bytes, List<ServerSentEvent> events, @Nullable String json, int keepAlives) {

	private static final String[] FRAGMENTS = { "Paris", " is", " the", " capital", " of", " France.", " h\u00e9llo",
			" \u4e16\u754c", " \uD83D\uDE00", " caf\u00e9", " \u00fcber", " na\u00efve", " \\\"quoted\\\"", " 42",
			"\u00a0", "\u20ac", "{\\\"city\\\":", "\\\"Paris\\\"}", " \\\\n" };

	private static final String[] ENDINGS = { "\n", "\r\n", "\r" };

	private static final String[] COMMENTS = { ": keep-alive", ":keep-alive", ":", ": ping" };

	/**
	 * The kinds of body the decoders read.
	 */
	enum Format {

		/** A {@code chat.completion.chunk} event stream ended by {@code [DONE]}. */
		OPENAI_SSE,

		/** An Anthropic Messages event stream, with named events. */
		ANTHROPIC_SSE,

		/** A non-streamed JSON answer after blank lines. */
		JSON

	}

	static GeneratedWire generate(Format format, SplittableRandom random) {
		return (format == Format.JSON) ? json(random) : new StreamWriter(format, random).write();
	}

	/**
	 * The positions where a cut splits something a decoder must join: the two bytes of a
	 * CRLF, a multi-byte UTF-8 character, a {@code data:} or {@code event:} field name,
	 * or a comment.
	 * @return the positions, each the index of the first byte after the cut
	 */
	List<Integer> trickyCuts() {
		List<Integer> cuts = new ArrayList<>();
		for (int i = 1; i < this.bytes.length; i++) {
			boolean insideCrLf = this.bytes[i - 1] == '\r' && this.bytes[i] == '\n';
			boolean insideCharacter = (this.bytes[i] & 0xC0) == 0x80;
			if (insideCrLf || insideCharacter || insideField(i)) {
				cuts.add(i);
			}
		}
		return cuts;
	}

	private boolean insideField(int index) {
		for (String field : new String[] { "data:", "event:", ": keep-alive" }) {
			for (int back = 1; back < field.length() && index - back >= 0; back++) {
				if (startsWith(index - back, field)) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean startsWith(int start, String text) {
		if (start + text.length() > this.bytes.length) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (this.bytes[start + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static GeneratedWire json(SplittableRandom random) {
		StringBuilder wire = new StringBuilder();
		int keepAlives = 0;
		for (int i = random.nextInt(8); i > 0; i--) {
			wire.append(random.nextBoolean() ? "\n" : "\r\n");
			keepAlives++;
		}
		if (random.nextInt(4) == 0) {
			wire.append("  \t");
		}
		StringBuilder content = new StringBuilder();
		for (int i = random.nextInt(1, 40); i > 0; i--) {
			content.append(pick(random, FRAGMENTS));
		}
		String json = "{\"id\":\"c-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
				+ "{\"role\":\"assistant\",\"content\":\"" + content + "\"},\"finish_reason\":\"stop\"}]}"
				+ (random.nextBoolean() ? "\n" : "");
		wire.append(json);
		return new GeneratedWire(Format.JSON, wire.toString().getBytes(StandardCharsets.UTF_8), List.of(), json,
				keepAlives);
	}

	private static String pick(SplittableRandom random, String[] choices) {
		return choices[random.nextInt(choices.length)];
	}

	/**
	 * Writes one event stream and the events it must decode to.
	 */
	private static final class StreamWriter {

		private final Format format;

		private final SplittableRandom random;

		private final String ending;

		private final StringBuilder wire = new StringBuilder();

		private final List<ServerSentEvent> events = new ArrayList<>();

		private boolean started;

		private int keepAlives;

		StreamWriter(Format format, SplittableRandom random) {
			this.format = format;
			this.random = random;
			this.ending = pick(random, ENDINGS);
		}

		GeneratedWire write() {
			// While queued, DeepSeek sends comments, with or without the blank line that
			// ends an event, and some servers bare blank lines.
			for (int i = this.random.nextInt(6); i > 0; i--) {
				int kind = this.random.nextInt(3);
				if (kind < 2) {
					comment();
				}
				if (kind > 0) {
					line("");
				}
			}
			if (this.format == Format.OPENAI_SSE) {
				openAi();
			}
			else {
				anthropic();
			}
			return new GeneratedWire(this.format, this.wire.toString().getBytes(StandardCharsets.UTF_8),
					List.copyOf(this.events), null, this.keepAlives);
		}

		private void openAi() {
			event(null, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
			for (int i = this.random.nextInt(1, 16); i > 0; i--) {
				String field = switch (this.random.nextInt(3)) {
					case 0 -> "reasoning_content";
					case 1 -> "content";
					default -> "tool_calls";
				};
				String delta = "tool_calls".equals(field)
						? "\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"" + text() + "\"}}]"
						: "\"" + field + "\":\"" + text() + "\"";
				event(null, "{\"choices\":[{\"index\":0,\"delta\":{" + delta + "}}]}");
			}
			if (this.random.nextBoolean()) {
				event(null, "{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":9}}");
			}
			last(null, "[DONE]");
		}

		private void anthropic() {
			event("message_start", "{\"type\":\"message_start\",\"message\":{\"role\":\"assistant\"}}");
			event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0}");
			for (int i = this.random.nextInt(1, 16); i > 0; i--) {
				if (this.random.nextInt(6) == 0) {
					event("ping", "{\"type\": \"ping\"}");
				}
				String delta = switch (this.random.nextInt(3)) {
					case 0 -> "{\"type\":\"thinking_delta\",\"thinking\":\"" + text() + "\"}";
					case 1 -> "{\"type\":\"text_delta\",\"text\":\"" + text() + "\"}";
					default -> "{\"type\":\"input_json_delta\",\"partial_json\":\"" + text() + "\"}";
				};
				event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":" + delta + "}");
			}
			event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
			event("message_delta", "{\"type\":\"message_delta\",\"usage\":{\"output_tokens\":9}}");
			if (this.random.nextBoolean()) {
				event("message_stop", "{\"type\":\"message_stop\"}");
				// DeepSeek's trailing marker after Anthropic's own end.
				last(null, "[DONE]");
			}
			else {
				last("message_stop", "{\"type\":\"message_stop\"}");
			}
		}

		private String text() {
			StringBuilder text = new StringBuilder();
			for (int i = this.random.nextInt(1, 4); i > 0; i--) {
				text.append(pick(this.random, FRAGMENTS));
			}
			return text.toString();
		}

		private void event(@Nullable String name, String data) {
			this.events.add(new ServerSentEvent(name, fields(name, data)));
			line("");
			// Between events a keep-alive is a comment or an extra blank line.
			if (this.random.nextInt(5) == 0) {
				if (this.random.nextBoolean()) {
					comment();
				}
				line("");
			}
		}

		private void last(@Nullable String name, String data) {
			this.events.add(new ServerSentEvent(name, fields(name, data)));
			// A body may end without the blank line that dispatches its last event.
			if (this.random.nextInt(5) > 0) {
				line("");
			}
		}

		/**
		 * Writes the fields of one event.
		 * @return the data the decoder must make of them
		 */
		private String fields(@Nullable String name, String data) {
			if (name != null) {
				line(this.random.nextBoolean() ? "event: " + name : "event:" + name);
				if (this.random.nextInt(8) == 0) {
					// A comment inside an event is ignored wherever it stands.
					comment();
				}
			}
			if (!ServerSentEvent.DONE.equals(data) && this.random.nextInt(8) == 0) {
				// Now and then the data spans two lines, which the decoder joins with a
				// LF.
				int cut = this.random.nextInt(data.length() + 1);
				if (cut > 0 && cut < data.length() && Character.isLowSurrogate(data.charAt(cut))) {
					// Lines hold whole characters: a cut between a surrogate pair's
					// halves would make two invalid strings.
					cut--;
				}
				dataLine(data.substring(0, cut));
				dataLine(data.substring(cut));
				return data.substring(0, cut) + "\n" + data.substring(cut);
			}
			dataLine(data);
			return data;
		}

		private void dataLine(String value) {
			// Without the space, a value starting with a space would lose it: the
			// generator never writes one so.
			boolean compact = !value.startsWith(" ") && this.random.nextBoolean();
			line((compact ? "data:" : "data: ") + value);
			this.started = true;
		}

		private void comment() {
			line(pick(this.random, COMMENTS));
			if (!this.started) {
				this.keepAlives++;
			}
		}

		private void line(String text) {
			this.wire.append(text).append(this.ending);
		}

	}

}
