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

package io.github.deepseekstarter.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records the conversation of one call for its observation, in the structures of the
 * OpenTelemetry GenAI conventions (v1.41: {@code gen-ai-system-instructions.json},
 * {@code gen-ai-input-messages.json}, {@code gen-ai-output-messages.json}), and writes
 * each as the JSON text of its attribute. A streamed answer is assembled from its
 * fragments as they pass, so no event is kept.
 * <p>
 * Each of the three attributes is bounded: once the UTF-8 size of the contents recorded
 * for it reaches the maximum, the content being recorded is cut, ends with
 * {@value #TRUNCATION_MARKER}, and later content of that attribute is dropped, the JSON
 * structure being kept as the conventions ask of a truncation.
 */
public final class ConversationRecorder {

	/** The end of a content that was cut at the maximum size. */
	public static final String TRUNCATION_MARKER = "...[truncated]";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final Budget systemBudget;

	private final Budget inputBudget;

	private final Budget outputBudget;

	private final List<Part> system = new ArrayList<>();

	private final List<Message> input = new ArrayList<>();

	private final Map<Integer, Message> output = new TreeMap<>();

	/**
	 * Creates a recorder.
	 * @param maxBytes the largest UTF-8 size of the contents of each attribute
	 */
	public ConversationRecorder(int maxBytes) {
		if (maxBytes < 1) {
			throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
		}
		this.systemBudget = new Budget(maxBytes);
		this.inputBudget = new Budget(maxBytes);
		this.outputBudget = new Budget(maxBytes);
	}

	/**
	 * Adds a system instruction given apart from the chat history.
	 * @param text the instruction
	 */
	public synchronized void systemInstruction(String text) {
		Part part = this.systemBudget.newPart("text");
		if (part != null) {
			this.system.add(part);
			this.systemBudget.append(part, text);
		}
	}

	/**
	 * Starts the next message of the chat history sent to the model.
	 * @param role the role as the protocol names it ({@code user}, {@code assistant},
	 * {@code tool}, {@code system})
	 * @return the message, to add its parts to in order
	 */
	public synchronized InputMessage inputMessage(String role) {
		Message message = new Message(role);
		if (!this.inputBudget.isExhausted()) {
			this.input.add(message);
		}
		return new InputMessage(message);
	}

	/**
	 * Adds a fragment of an answer's text.
	 * @param choice the index of the choice
	 * @param key what names the part within the choice, the same for all its fragments
	 * @param fragment the text
	 */
	public synchronized void outputText(int choice, String key, String fragment) {
		appendOutput(choice, key, "text", fragment);
	}

	/**
	 * Adds a fragment of an answer's reasoning.
	 * @param choice the index of the choice
	 * @param key what names the part within the choice, the same for all its fragments
	 * @param fragment the reasoning
	 */
	public synchronized void outputReasoning(int choice, String key, String fragment) {
		appendOutput(choice, key, "reasoning", fragment);
	}

	/**
	 * Adds a tool call of an answer, or a fragment of it.
	 * @param choice the index of the choice
	 * @param key what names the call within the choice, the same for all its fragments
	 * @param id the call's id, if this fragment carries it
	 * @param name the tool's name, if this fragment carries it
	 * @param arguments a fragment of the arguments' JSON text, if any
	 */
	public synchronized void outputToolCall(int choice, String key, @Nullable String id, @Nullable String name,
			@Nullable String arguments) {
		Part part = outputPart(choice, key, "tool_call");
		if (part != null) {
			part.identify(id, name);
			if (arguments != null) {
				this.outputBudget.append(part, arguments);
			}
		}
	}

	/**
	 * Sets why a choice stopped.
	 * @param choice the index of the choice
	 * @param reason the reason, in the words of the conventions where they have one
	 */
	public synchronized void finishReason(int choice, String reason) {
		this.output.computeIfAbsent(choice, (index) -> new Message("assistant")).finishReason = reason;
	}

	/**
	 * Forgets the answer recorded so far, when a call is attempted again.
	 */
	public synchronized void clearOutput() {
		this.output.clear();
		this.outputBudget.reset();
	}

	/**
	 * Whether some content was cut at the maximum size.
	 * @return whether truncated
	 */
	public synchronized boolean isTruncated() {
		return this.systemBudget.cut || this.inputBudget.cut || this.outputBudget.cut;
	}

	/**
	 * The {@code gen_ai.system_instructions} value.
	 * @return its JSON text, or {@code null} when the request gave no system instruction
	 */
	public synchronized @Nullable String systemInstructionsJson() {
		if (this.system.isEmpty()) {
			return null;
		}
		ArrayNode parts = NODES.arrayNode();
		this.system.forEach((part) -> parts.add(part.toJson()));
		return JSON.writeValueAsString(parts);
	}

	/**
	 * The {@code gen_ai.input.messages} value.
	 * @return its JSON text, or {@code null} when no message was recorded
	 */
	public synchronized @Nullable String inputMessagesJson() {
		return this.input.isEmpty() ? null : messagesJson(this.input, false);
	}

	/**
	 * The {@code gen_ai.output.messages} value: one message per choice, whose
	 * {@code finish_reason} is {@code error} when the answer never told one.
	 * @return its JSON text, or {@code null} when no answer was recorded
	 */
	public synchronized @Nullable String outputMessagesJson() {
		return this.output.isEmpty() ? null : messagesJson(this.output.values(), true);
	}

	private static String messagesJson(Iterable<Message> messages, boolean output) {
		ArrayNode array = NODES.arrayNode();
		for (Message message : messages) {
			ObjectNode node = array.addObject();
			node.put("role", message.role);
			ArrayNode parts = node.putArray("parts");
			message.parts.values().forEach((part) -> parts.add(part.toJson()));
			if (output) {
				node.put("finish_reason", (message.finishReason != null) ? message.finishReason : "error");
			}
		}
		return JSON.writeValueAsString(array);
	}

	private void appendOutput(int choice, String key, String type, String fragment) {
		if (fragment.isEmpty()) {
			// A stream's empty fragments (an opening chunk, an empty block start) make no
			// part, so parts keep the order of their first content.
			return;
		}
		Part part = outputPart(choice, key, type);
		if (part != null) {
			this.outputBudget.append(part, fragment);
		}
	}

	private @Nullable Part outputPart(int choice, String key, String type) {
		Message message = this.output.computeIfAbsent(choice, (index) -> new Message("assistant"));
		Part part = message.parts.get(key);
		if (part == null) {
			part = this.outputBudget.newPart(type);
			if (part != null) {
				message.parts.put(key, part);
			}
		}
		return part;
	}

	/**
	 * A message of the chat history, to which its parts are added in order.
	 */
	public final class InputMessage {

		private final Message message;

		private InputMessage(Message message) {
			this.message = message;
		}

		/**
		 * Adds a text part.
		 * @param text the text
		 * @return this message
		 */
		public InputMessage text(String text) {
			return add("text", null, null, text);
		}

		/**
		 * Adds a reasoning part.
		 * @param reasoning the reasoning
		 * @return this message
		 */
		public InputMessage reasoning(String reasoning) {
			return add("reasoning", null, null, reasoning);
		}

		/**
		 * Adds a tool call part.
		 * @param id the call's id
		 * @param name the tool's name
		 * @param arguments the arguments' JSON text
		 * @return this message
		 */
		public InputMessage toolCall(@Nullable String id, @Nullable String name, @Nullable String arguments) {
			return add("tool_call", id, name, arguments);
		}

		/**
		 * Adds the response to a tool call.
		 * @param id the id of the call it answers
		 * @param response the tool's response
		 * @return this message
		 */
		public InputMessage toolCallResponse(@Nullable String id, String response) {
			return add("tool_call_response", id, null, response);
		}

		private InputMessage add(String type, @Nullable String id, @Nullable String name, @Nullable String content) {
			synchronized (ConversationRecorder.this) {
				Part part = ConversationRecorder.this.inputBudget.newPart(type);
				if (part != null) {
					part.identify(id, name);
					this.message.parts.put(Integer.toString(this.message.parts.size()), part);
					if (content != null) {
						ConversationRecorder.this.inputBudget.append(part, content);
					}
				}
			}
			return this;
		}

	}

	private static final class Message {

		private final String role;

		private final Map<String, Part> parts = new LinkedHashMap<>();

		private @Nullable String finishReason;

		Message(String role) {
			this.role = role;
		}

	}

	/**
	 * One part of a message: the content of a text or reasoning part, the arguments of a
	 * tool call or the response of a tool call response.
	 */
	private static final class Part {

		private final String type;

		private final StringBuilder content = new StringBuilder();

		private @Nullable String id;

		private @Nullable String name;

		private boolean truncated;

		Part(String type) {
			this.type = type;
		}

		void identify(@Nullable String id, @Nullable String name) {
			if (this.id == null) {
				this.id = id;
			}
			if (this.name == null) {
				this.name = name;
			}
		}

		ObjectNode toJson() {
			ObjectNode node = NODES.objectNode();
			node.put("type", this.type);
			String text = this.truncated ? this.content + TRUNCATION_MARKER : this.content.toString();
			switch (this.type) {
				case "tool_call" -> {
					node.put("id", this.id);
					node.put("name", (this.name != null) ? this.name : "");
					if (!text.isEmpty()) {
						node.set("arguments", arguments(text));
					}
				}
				case "tool_call_response" -> {
					node.put("id", this.id);
					node.put("response", text);
				}
				default -> node.put("content", text);
			}
			return node;
		}

		private JsonNode arguments(String text) {
			// Whole arguments are a JSON value, recorded as one; cut ones stay text.
			if (!this.truncated) {
				try {
					return JSON.readTree(text);
				}
				catch (JacksonException ex) {
					// Arguments that are not JSON are recorded as the model wrote them.
				}
			}
			return NODES.stringNode(text);
		}

	}

	/**
	 * The UTF-8 bytes of content an attribute may still take.
	 */
	private static final class Budget {

		private final int max;

		private int remaining;

		private boolean cut;

		private @Nullable Part last;

		Budget(int max) {
			this.max = max;
			this.remaining = max;
		}

		boolean isExhausted() {
			return this.cut;
		}

		@Nullable Part newPart(String type) {
			return this.cut ? null : new Part(type);
		}

		void append(Part part, String fragment) {
			if (this.cut || fragment.isEmpty()) {
				return;
			}
			int end = fit(fragment, this.remaining);
			if (end == fragment.length()) {
				part.content.append(fragment);
				this.remaining -= utf8Length(fragment);
				this.last = part;
				return;
			}
			this.cut = true;
			if (end > 0 || part.content.length() > 0 || this.last == null) {
				part.content.append(fragment, 0, end);
				part.truncated = true;
			}
			else {
				this.last.truncated = true;
			}
			this.remaining = 0;
		}

		void reset() {
			this.remaining = this.max;
			this.cut = false;
			this.last = null;
		}

		/**
		 * The length of the longest start of the text whose UTF-8 form takes at most the
		 * given bytes, never splitting a surrogate pair.
		 */
		private static int fit(String text, int bytes) {
			int used = 0;
			int index = 0;
			while (index < text.length()) {
				int codePoint = text.codePointAt(index);
				int size = utf8Size(codePoint);
				if (used + size > bytes) {
					return index;
				}
				used += size;
				index += Character.charCount(codePoint);
			}
			return index;
		}

		private static int utf8Length(String text) {
			return text.codePoints().map(Budget::utf8Size).sum();
		}

		private static int utf8Size(int codePoint) {
			return (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
		}

	}

}
