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
package io.github.deepseekstarter;

/**
 * The model names DeepSeek publishes, the one place the library spells them.
 */
public final class DeepSeekModels {

	/**
	 * The pro model, 500 concurrent requests per account.
	 */
	public static final String PRO = "deepseek-v4-pro";

	/**
	 * The Flash model, 2500 concurrent requests per account.
	 */
	public static final String FLASH = "deepseek-v4-flash";

	/**
	 * The short name of the Flash model.
	 */
	public static final String FLASH_SHORT = "deepseek-flash";

	/**
	 * The older name of the Flash model in its non-thinking mode.
	 */
	public static final String CHAT = "deepseek-chat";

	/**
	 * The older name of the Flash model in its thinking mode.
	 */
	public static final String REASONER = "deepseek-reasoner";

	private DeepSeekModels() {
	}

}
