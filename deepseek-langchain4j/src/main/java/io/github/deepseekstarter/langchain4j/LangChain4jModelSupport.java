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
package io.github.deepseekstarter.langchain4j;

import java.util.List;

import io.github.deepseekstarter.client.DeepSeekTemplate;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;

/**
 * What the blocking and the streaming chat model share: the template every turn goes
 * through, the settings, and the answers LangChain4j asks both for.
 */
abstract class LangChain4jModelSupport {

	final DeepSeekTemplate template;

	final DeepSeekLangChain4jSettings settings;

	LangChain4jModelSupport(DeepSeekTemplate template, DeepSeekLangChain4jSettings settings) {
		this.template = template;
		this.settings = settings;
	}

	/**
	 * Returns the default parameters of every request.
	 * @return the parameters
	 */
	public ChatRequestParameters defaultRequestParameters() {
		return this.settings.defaultParameters();
	}

	/**
	 * Returns the listeners LangChain4j notifies of each turn.
	 * @return the listeners
	 */
	public List<ChatModelListener> listeners() {
		return this.settings.listeners();
	}

	/**
	 * Returns the provider, which LangChain4j has no constant for.
	 * @return {@link ModelProvider#OTHER}
	 */
	public ModelProvider provider() {
		return ModelProvider.OTHER;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.template + "]";
	}

}
