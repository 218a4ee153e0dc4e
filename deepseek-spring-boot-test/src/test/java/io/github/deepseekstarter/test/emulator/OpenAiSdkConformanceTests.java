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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The official OpenAI Java SDK talks to the emulator as it would to DeepSeek.
 */
class OpenAiSdkConformanceTests {

	private DeepSeekEmulator emulator;

	private OpenAIClient client;

	@BeforeEach
	void start() {
		this.emulator = DeepSeekEmulator.builder().keepAliveInterval(Duration.ofMillis(50)).build().start();
		this.client = client(this.emulator.apiKey());
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void answersNonStreamingChatWithContentReasoningAndUsage() {
		ChatCompletion completion = this.client.chat().completions().create(params("hello world").build());

		ChatCompletion.Choice choice = completion.choices().get(0);
		assertThat(choice.message().content()).contains("Echo: hello world");
		assertThat(choice.message()._additionalProperties().get("reasoning_content").convert(String.class))
			.isEqualTo("Thinking about: hello world");
		assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
		CompletionUsage usage = completion.usage().orElseThrow();
		assertThat(usage.completionTokens()).isEqualTo(7);
		assertThat(usage.completionTokensDetails().orElseThrow().reasoningTokens()).contains(4L);
		assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
		assertThat(completion.model()).isEqualTo("deepseek-v4-flash");
	}

	@Test
	void streamsChatInSeveralChunksWithUsageChunk() {
		StringBuilder content = new StringBuilder();
		CompletionUsage usage;
		int contentChunks = 0;
		try (StreamResponse<ChatCompletionChunk> stream = this.client.chat()
			.completions()
			.createStreaming(params("one two three")
				.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
				.build())) {
			usage = null;
			for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
				for (ChatCompletionChunk.Choice choice : chunk.choices()) {
					if (choice.delta().content().filter((text) -> !text.isEmpty()).isPresent()) {
						content.append(choice.delta().content().get());
						contentChunks++;
					}
				}
				if (chunk.usage().isPresent()) {
					usage = chunk.usage().get();
				}
			}
		}
		assertThat(content).hasToString("Echo: one two three");
		assertThat(contentChunks).isEqualTo(4);
		assertThat(usage).isNotNull();
		assertThat(usage.completionTokens()).isEqualTo(9);
	}

	@Test
	void answersScriptedToolCall() {
		this.emulator.enqueueFault(Fault.reply(Reply.toolCall("get_weather", "{\"city\":\"Paris\"}")));

		ChatCompletion completion = this.client.chat().completions().create(params("weather?").build());

		ChatCompletion.Choice choice = completion.choices().get(0);
		assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
		ChatCompletionMessageFunctionToolCall call = choice.message().toolCalls().orElseThrow().get(0).asFunction();
		assertThat(call.function().name()).isEqualTo("get_weather");
		assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
	}

	@Test
	void readsRepliesThatWaitedInTheServerQueueBehindKeepAlives() throws Exception {
		this.emulator.setInferenceCapacity(Lane.FLASH, 1);
		this.emulator.enqueueFault(Fault.stallAfterChunks(1));
		WireClient.Held holder = WireClient.to(this.emulator)
			.hold("/chat/completions", WireClient.chat("deepseek-v4-flash", "hold", true));
		await().until(() -> this.emulator.stats(Lane.FLASH).inFlight() == 1);

		// A thread per blocking call: on two cores, Java 25's default pool for
		// supplyAsync runs one task at a time (Java 17's started a thread for each), and
		// the second call would never reach the queue.
		ExecutorService callers = Executors.newFixedThreadPool(2);
		try {
			CompletableFuture<String> plain = CompletableFuture.supplyAsync(() -> this.client.chat()
				.completions()
				.create(params("queued plain").build())
				.choices()
				.get(0)
				.message()
				.content()
				.orElseThrow(), callers);
			CompletableFuture<String> streamed = CompletableFuture.supplyAsync(this::streamedQueuedContent, callers);
			await().until(() -> this.emulator.stats(Lane.FLASH).queued() == 2);
			holder.release();

			assertThat(plain.get()).isEqualTo("Echo: queued plain");
			assertThat(streamed.get()).isEqualTo("Echo: queued stream");
			await().until(() -> this.emulator.stats(Lane.FLASH).inFlight() == 0);
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void surfacesWrongKeyAndRateLimitAsSdkErrors() {
		OpenAIClient wrong = client("sk-wrong");
		try {
			assertThatExceptionOfType(UnauthorizedException.class)
				.isThrownBy(() -> wrong.chat().completions().create(params("hi").build()))
				.satisfies((ex) -> assertThat(ex.type()).contains("authentication_error"));
		}
		finally {
			wrong.close();
		}
		this.emulator.enqueueFault(Fault.status(429));
		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> this.client.chat().completions().create(params("hi").build()))
			.satisfies((ex) -> assertThat(ex.type()).contains("rate_limit_error"));
	}

	@Test
	void sendsUserIdAsTopLevelField() {
		this.client.chat()
			.completions()
			.create(params("hi").putAdditionalBodyProperty("user_id", JsonValue.from("tenant-7")).build());

		assertThat(this.emulator.requests()).singleElement()
			.satisfies((request) -> assertThat(request.userId()).isEqualTo("tenant-7"));
	}

	private String streamedQueuedContent() {
		StringBuilder content = new StringBuilder();
		try (StreamResponse<ChatCompletionChunk> stream = this.client.chat()
			.completions()
			.createStreaming(params("queued stream").build())) {
			stream.stream()
				.flatMap((chunk) -> chunk.choices().stream())
				.forEach((choice) -> choice.delta().content().ifPresent(content::append));
		}
		return content.toString();
	}

	private static ChatCompletionCreateParams.Builder params(String text) {
		return ChatCompletionCreateParams.builder().model("deepseek-v4-flash").addUserMessage(text);
	}

	private OpenAIClient client(String apiKey) {
		return OpenAIOkHttpClient.builder()
			.baseUrl(this.emulator.baseUrl())
			.apiKey(apiKey)
			.maxRetries(0)
			.timeout(Duration.ofSeconds(20))
			.build();
	}

}
