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

package io.github.deepseekstarter.test.spring;

import java.util.Map;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import io.github.deepseekstarter.test.emulator.Lane;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts an emulator for one application context, exposes it as the {@value #BEAN_NAME}
 * bean and as properties, and stops it with the context. A record, so that equal
 * annotations share a cached context.
 *
 * @param apiKey the accepted API key
 * @param proLimit the Pro lane limit
 * @param flashLimit the Flash lane limit
 * @param baseUrlProperty the property that receives the base URL
 * @param apiKeyProperty the property that receives the API key
 */
record DeepSeekEmulatorContextCustomizer(String apiKey, int proLimit, int flashLimit, String baseUrlProperty,
		String apiKeyProperty) implements ContextCustomizer {

	static final String BEAN_NAME = "deepSeekEmulator";

	@Override
	public String toString() {
		return "DeepSeekEmulatorContextCustomizer[proLimit=" + this.proLimit + ", flashLimit=" + this.flashLimit
				+ ", baseUrlProperty=" + this.baseUrlProperty + ", apiKeyProperty=" + this.apiKeyProperty + "]";
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		DeepSeekEmulator emulator = DeepSeekEmulator.builder()
			.apiKey(this.apiKey)
			.concurrencyLimit(Lane.PRO, this.proLimit)
			.concurrencyLimit(Lane.FLASH, this.flashLimit)
			.build()
			.start();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(BEAN_NAME,
					Map.of(this.baseUrlProperty, emulator.baseUrl(), this.apiKeyProperty, emulator.apiKey())));
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, emulator);
		if (beanFactory instanceof DefaultListableBeanFactory registry) {
			registry.registerDisposableBean(BEAN_NAME, emulator::close);
		}
		else {
			context.addApplicationListener((event) -> {
				if (event instanceof ContextClosedEvent) {
					emulator.close();
				}
			});
		}
	}

}
