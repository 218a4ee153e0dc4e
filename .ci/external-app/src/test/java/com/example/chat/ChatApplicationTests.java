package com.example.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Reply;
import io.github.deepseekstarter.test.spring.AutoConfigureDeepSeekEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

// The application starts on a real port against the emulator and answers a chat call over HTTP.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureDeepSeekEmulator
class ChatApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	DeepSeekEmulator emulator;

	@Test
	void answersAChatCallThroughTheStarter() throws Exception {
		this.emulator.setDefaultReply(Reply.content("Paris is the capital of France."));
		URI chat = URI.create("http://127.0.0.1:" + this.port + "/chat?message=Capital%20of%20France%3F");
		HttpRequest request = HttpRequest.newBuilder(chat).timeout(Duration.ofSeconds(30)).build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("Paris is the capital of France.");
		assertThat(this.emulator.requests()).singleElement()
			.satisfies((recorded) -> assertThat(recorded.model()).isEqualTo("deepseek-v4-flash"));
	}

}
