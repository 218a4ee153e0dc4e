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

package io.github.deepseekstarter.benchmarks.clients;

import java.util.Locale;
import java.util.function.Function;

/**
 * The clients the harness compares, in the order it runs them; the raw floor comes first
 * since every ratio is taken against it.
 */
public enum ClientKind {

	/** Reactor Netty's HTTP client with no JSON model and no limits. */
	RAW("raw Reactor Netty (floor)", RawReactorNettyClient::new),

	/**
	 * The template's WebClient, configured as the template configures it, with no JSON
	 * model and no limits.
	 */
	WEBCLIENT("WebClient, bytes only", WebClientLoadClient::new),

	/** This project's {@code DeepSeekTemplate}. */
	TEMPLATE("DeepSeekTemplate", TemplateLoadClient::new),

	/** {@code DeepSeekTemplate} with the starter's Micrometer meters. */
	TEMPLATE_METERS("DeepSeekTemplate with meters", TemplateLoadClient::withMeters),

	/** The official OpenAI Java SDK. */
	OPENAI("openai-java", OpenAiSdkLoadClient::new),

	/** Spring AI's OpenAI chat model. */
	SPRING_AI("Spring AI OpenAiChatModel", SpringAiLoadClient::new),

	/** Spring AI's chat model of this project, on {@code DeepSeekTemplate}. */
	SPRING_AI_STARTER("Spring AI DeepSeekChatModel (starter)", SpringAiStarterLoadClient::new),

	/** LangChain4j's OpenAI chat models. */
	LANGCHAIN4J("LangChain4j OpenAiChatModel", LangChain4jLoadClient::new);

	private final String label;

	private final Function<ClientSettings, LoadClient> factory;

	ClientKind(String label, Function<ClientSettings, LoadClient> factory) {
		this.label = label;
		this.factory = factory;
	}

	/**
	 * The name shown in the tables.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Creates a client of this kind.
	 * @param settings the shared settings
	 * @return the client, to be closed after the run
	 */
	public LoadClient create(ClientSettings settings) {
		return this.factory.apply(settings);
	}

	/**
	 * Reads a kind from its command-line name, such as {@code spring-ai}.
	 * @param name the name
	 * @return the kind
	 */
	public static ClientKind parse(String name) {
		return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
