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
package io.github.deepseekstarter.benchmarks.micro;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's answers to the load harness's request, as the micro-benchmarks replay
 * them: a non-streamed completion, and a stream read by read as its tokens arrive.
 */
final class EmulatorAnswers {

	static final String COMPLETION = "{\"id\":\"8a42474b-ee49-4234-a4b0-e6703586fced\","
			+ "\"object\":\"chat.completion\",\"created\":1796143018,\"model\":\"deepseek-v4-flash\","
			+ "\"system_fingerprint\":\"fp_emulator\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
			+ "\"content\":\"Echo: Say hello\",\"reasoning_content\":\"Thinking about: Say hello\"},"
			+ "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":7,"
			+ "\"total_tokens\":9,\"prompt_tokens_details\":{\"cached_tokens\":0},"
			+ "\"completion_tokens_details\":{\"reasoning_tokens\":4},\"prompt_cache_hit_tokens\":0,"
			+ "\"prompt_cache_miss_tokens\":2}}";

	/** The comment DeepSeek sends while a streamed request waits in its queue. */
	static final String KEEP_ALIVE = ": keep-alive\n\n";

	private static final String CHUNK_START = "{\"id\":\"baa57de1-6965-4761-b2e9-5032c8b54cc5\","
			+ "\"object\":\"chat.completion.chunk\",\"created\":1796143018,\"model\":\"deepseek-v4-flash\","
			+ "\"system_fingerprint\":\"fp_emulator\",\"choices\":[{\"index\":0,\"delta\":";

	private static final String USAGE = "\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":7,\"total_tokens\":9,"
			+ "\"prompt_tokens_details\":{\"cached_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":4},"
			+ "\"prompt_cache_hit_tokens\":0,\"prompt_cache_miss_tokens\":2}";

	private EmulatorAnswers() {
	}

	/**
	 * The stream, one read per event: the role, seven reasoning and seven answer
	 * fragments, the finish and the usage, and {@code [DONE]}.
	 * @return the reads
	 */
	static List<byte[]> streamReads() {
		List<String> deltas = new ArrayList<>();
		deltas.add("{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}");
		for (String piece : List.of("Thinking", " about:", " Say", " hello", " and", " more", ".")) {
			deltas.add("{\"content\":null,\"reasoning_content\":\"" + piece
					+ "\"},\"logprobs\":null,\"finish_reason\":null}]}");
		}
		for (String piece : List.of("Echo:", " Say", " hello", " and", " a", " bit", ".")) {
			deltas.add("{\"content\":\"" + piece + "\",\"reasoning_content\":null},\"logprobs\":null,"
					+ "\"finish_reason\":null}]}");
		}
		List<byte[]> reads = new ArrayList<>();
		for (String delta : deltas) {
			reads.add(bytes("data: " + CHUNK_START + delta + "\n\n"));
		}
		reads.add(bytes("data: " + CHUNK_START + "{\"content\":\"\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
				+ USAGE + "}\n\n"));
		reads.add(bytes("data: [DONE]\n\n"));
		return reads;
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
