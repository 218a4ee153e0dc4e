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

package io.github.deepseekstarter.springai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.deepseekstarter.client.DeepSeekTemplate;

import org.springframework.ai.tool.annotation.Tool;

/**
 * A tool that records what the lanes looked like while it ran.
 */
class WeatherTool {

	private final DeepSeekTemplate template;

	final List<Integer> permitsInUseWhileRunning = new CopyOnWriteArrayList<>();

	final List<String> cities = new CopyOnWriteArrayList<>();

	WeatherTool(DeepSeekTemplate template) {
		this.template = template;
	}

	@Tool(description = "The current weather of a city")
	String currentWeather(String city) {
		this.cities.add(city);
		String lane = this.template.limiter().laneOf(this.template.defaultModel());
		this.permitsInUseWhileRunning.add(this.template.limiter().snapshot(lane).inUse());
		return "sunny";
	}

}
