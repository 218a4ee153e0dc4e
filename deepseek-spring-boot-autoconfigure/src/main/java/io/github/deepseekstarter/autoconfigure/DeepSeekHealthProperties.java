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

package io.github.deepseekstarter.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Health indicator of the DeepSeek client.
 */
@ConfigurationProperties("deepseek.health")
public class DeepSeekHealthProperties {

	/**
	 * How long an answer of the balance endpoint is reused before it is asked again.
	 */
	private Duration cacheTtl = Duration.ofSeconds(60);

	/**
	 * Maximum time the balance endpoint and each further health part may take.
	 */
	private Duration timeout = Duration.ofSeconds(10);

	/**
	 * Whether a lane with every permit in use turns the health DOWN.
	 */
	private boolean downWhenSaturated;

	public Duration getCacheTtl() {
		return this.cacheTtl;
	}

	public void setCacheTtl(Duration cacheTtl) {
		this.cacheTtl = cacheTtl;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public boolean isDownWhenSaturated() {
		return this.downWhenSaturated;
	}

	public void setDownWhenSaturated(boolean downWhenSaturated) {
		this.downWhenSaturated = downWhenSaturated;
	}

}
