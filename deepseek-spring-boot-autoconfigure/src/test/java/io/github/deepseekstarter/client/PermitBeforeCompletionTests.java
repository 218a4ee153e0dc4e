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

package io.github.deepseekstarter.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.deepseekstarter.protocol.openai.ChatCompletion;
import io.github.deepseekstarter.protocol.openai.ChatCompletionRequest;
import io.github.deepseekstarter.test.junit.DeepSeekEmulatorExtension;
import io.github.deepseekstarter.testing.BlockHoundInstalled;
import io.github.deepseekstarter.testing.EmulatorTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole-answer call completes only once its permit is back, so a caller that goes on at
 * its completion (as a framework's tool loop does) never runs while the turn still holds
 * the lane.
 */
@ExtendWith(BlockHoundInstalled.class)
class PermitBeforeCompletionTests {

	@RegisterExtension
	final DeepSeekEmulatorExtension extension = new DeepSeekEmulatorExtension();

	@Test
	void callCompletesAfterItsPermitIsReleased() {
		DeepSeekTemplate template = EmulatorTemplates.template(this.extension.emulator());
		String lane = template.limiter().laneOf(template.defaultModel());
		CompletableFuture<Integer> inUseAtValue = new CompletableFuture<>();
		CompletableFuture<Integer> inUseAtCompletion = new CompletableFuture<>();

		template.chat(ChatCompletionRequest.of("hi")).subscribe(new CoreSubscriber<ChatCompletion>() {

			@Override
			public void onSubscribe(Subscription subscription) {
				subscription.request(1);
			}

			@Override
			public void onNext(ChatCompletion completion) {
				inUseAtValue.complete(template.limiter().snapshot(lane).inUse());
			}

			@Override
			public void onError(Throwable error) {
				inUseAtCompletion.completeExceptionally(error);
			}

			@Override
			public void onComplete() {
				inUseAtCompletion.complete(template.limiter().snapshot(lane).inUse());
			}

		});

		assertThat(inUseAtValue).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(0);
		assertThat(inUseAtCompletion).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(0);
	}

}
