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

import io.github.deepseekstarter.identity.UserIdResolution;
import org.jspecify.annotations.Nullable;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;

/**
 * What both LangChain4j models share: the default request parameters, DeepSeek's thinking
 * mode and reasoning effort (which LangChain4j's portable parameters do not name), and
 * the template's user-id resolution.
 *
 * @param defaultParameters the parameters of requests that set none
 * @param thinking whether thinking mode is on; {@code null} means DeepSeek's default (on)
 * @param reasoningEffort {@code low}, {@code high} or {@code max}; {@code null} means
 * DeepSeek's default
 * @param userIds the template's user-id resolution, to capture a caller's thread-bound
 * identity; {@code null} when the template resolves none
 * @param listeners the listeners told of each turn's request, response or error
 */
public record DeepSeekLangChain4jSettings(ChatRequestParameters defaultParameters, @Nullable Boolean thinking,
		@Nullable String reasoningEffort, @Nullable UserIdResolution userIds, List<ChatModelListener> listeners) {

	public DeepSeekLangChain4jSettings {
		listeners = List.copyOf(listeners);
	}

	/**
	 * Settings with DeepSeek's defaults and no identity capture.
	 * @return the settings
	 */
	public static DeepSeekLangChain4jSettings defaults() {
		return new DeepSeekLangChain4jSettings(DefaultChatRequestParameters.EMPTY, null, null, null, List.of());
	}

}
