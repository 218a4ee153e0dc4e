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

package io.github.deepseekstarter.samples.springai;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Reply;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring MVC application whose signed-in tenants chat through Spring AI's
 * {@code ChatClient} with a {@code @Tool} method. The chat model is this starter's, so
 * each model turn of the tool loop waits in its lane and carries the tenant's
 * {@code user_id}. Without a {@code DEEPSEEK_API_KEY} environment variable it runs
 * against the DeepSeek emulator, started in-process.
 */
@SpringBootApplication
public class SampleSpringAiApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleSpringAiApplication.class, args);
	}

	/**
	 * Lets the in-process emulator, when there is one, call the offered tool and answer
	 * from its result, as a model would.
	 * @param emulator the emulator, absent when calling DeepSeek itself
	 * @return the initializer
	 */
	@Bean
	SmartInitializingSingleton emulatorUsesTools(ObjectProvider<DeepSeekEmulator> emulator) {
		return () -> emulator.ifAvailable((available) -> available.setDefaultReply(Reply.usingTools()));
	}

}
