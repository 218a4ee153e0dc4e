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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The bounds and structure of a recorded conversation.
 */
class ConversationRecorderTests {

	@Test
	void aCutNeverSplitsACharacterAndCountsUtf8Bytes() {
		ConversationRecorder recorder = new ConversationRecorder(4);
		// "h" takes 1 byte, "é" 2, the emoji 4: only "hé" fits in 4 bytes.
		recorder.inputMessage("user").text("hé\uD83D\uDE00!");
		assertThat(recorder.inputMessagesJson()).isEqualTo("""
				[{"role":"user","parts":[{"type":"text","content":"hé...[truncated]"}]}]""");
		assertThat(recorder.isTruncated()).isTrue();
	}

	@Test
	void contentThatFillsTheBudgetExactlyIsNotMarked() {
		ConversationRecorder recorder = new ConversationRecorder(5);
		recorder.outputText(0, "text", "Ec");
		recorder.outputText(0, "text", "ho: ");
		recorder.finishReason(0, "stop");
		assertThat(recorder.outputMessagesJson()).isEqualTo("""
				[{"role":"assistant","parts":[{"type":"text","content":"Echo:...[truncated]"}],\
				"finish_reason":"stop"}]""");
		ConversationRecorder exact = new ConversationRecorder(5);
		exact.outputText(0, "text", "Echo:");
		assertThat(exact.outputMessagesJson()).contains("\"content\":\"Echo:\"");
		assertThat(exact.isTruncated()).isFalse();
	}

	@Test
	void theMarkerGoesOnTheLastPartWhenTheBudgetEndsBetweenParts() {
		ConversationRecorder recorder = new ConversationRecorder(3);
		recorder.outputReasoning(0, "reasoning", "abc");
		recorder.outputText(0, "text", "d");
		recorder.outputToolCall(0, "tool:0", "call_1", "f", "{}");
		assertThat(recorder.outputMessagesJson()).isEqualTo("""
				[{"role":"assistant","parts":[{"type":"reasoning","content":"abc...[truncated]"},\
				{"type":"text","content":""}],"finish_reason":"error"}]""");
	}

	@Test
	void streamedToolCallArgumentsJoinAndCutOnesStayText() {
		ConversationRecorder recorder = new ConversationRecorder(1024);
		recorder.outputToolCall(0, "tool:0", "call_1", "get_weather", "{\"loc");
		recorder.outputToolCall(0, "tool:0", null, null, "ation\":\"Paris\"}");
		recorder.outputToolCall(0, "tool:1", "call_2", "echo", "not json");
		recorder.finishReason(0, "tool_call");
		assertThat(recorder.outputMessagesJson()).isEqualTo(
				"""
						[{"role":"assistant","parts":[\
						{"type":"tool_call","id":"call_1","name":"get_weather","arguments":{"location":"Paris"}},\
						{"type":"tool_call","id":"call_2","name":"echo","arguments":"not json"}],"finish_reason":"tool_call"}]""");
		ConversationRecorder cut = new ConversationRecorder(5);
		cut.outputToolCall(0, "tool:0", "call_1", "get_weather", "{\"location\":\"Paris\"}");
		assertThat(cut.outputMessagesJson()).contains("\"arguments\":\"{\\\"loc...[truncated]\"");
	}

	@Test
	void aNewAttemptForgetsTheOutputOfTheLastOneButNotTheInput() {
		ConversationRecorder recorder = new ConversationRecorder(4);
		recorder.inputMessage("user").text("hi");
		recorder.outputText(0, "text", "Echo");
		recorder.clearOutput();
		recorder.outputText(0, "text", "Ok");
		recorder.finishReason(0, "stop");
		assertThat(recorder.inputMessagesJson()).contains("\"content\":\"hi\"");
		assertThat(recorder.outputMessagesJson()).isEqualTo("""
				[{"role":"assistant","parts":[{"type":"text","content":"Ok"}],"finish_reason":"stop"}]""");
	}

	@Test
	void choicesAreMessagesInTheirOrderAndNothingRecordedIsNoAttribute() {
		ConversationRecorder recorder = new ConversationRecorder(100);
		assertThat(recorder.systemInstructionsJson()).isNull();
		assertThat(recorder.inputMessagesJson()).isNull();
		assertThat(recorder.outputMessagesJson()).isNull();
		recorder.outputText(1, "text", "b");
		recorder.outputText(0, "text", "a");
		assertThat(recorder.outputMessagesJson()).isEqualTo("""
				[{"role":"assistant","parts":[{"type":"text","content":"a"}],"finish_reason":"error"},\
				{"role":"assistant","parts":[{"type":"text","content":"b"}],"finish_reason":"error"}]""");
	}

	@Test
	void aMaximumBelowOneByteIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ConversationRecorder(0))
			.withMessageContaining("maxBytes");
	}

}
