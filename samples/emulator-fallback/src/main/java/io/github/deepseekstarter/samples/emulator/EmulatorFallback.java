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

package io.github.deepseekstarter.samples.emulator;

import java.util.Map;

import io.github.deepseekstarter.test.emulator.DeepSeekEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the DeepSeek emulator in-process when {@code deepseek.api-key} is not set (the
 * {@code DEEPSEEK_API_KEY} environment variable binds to it), points the client at it,
 * says so in the log, and registers it as the {@code deepSeekEmulator} bean, closed with
 * the context. With a key, or in a test that already points the client at an emulator, it
 * does nothing.
 * <p>
 * It listens to {@link ApplicationPreparedEvent} because by then every property source,
 * including those a test adds, is in place, and no bean has been created yet.
 */
public class EmulatorFallback implements ApplicationListener<ApplicationPreparedEvent> {

	/** The name of the emulator's bean and property source. */
	public static final String BEAN_NAME = "deepSeekEmulator";

	private static final Log logger = LogFactory.getLog(EmulatorFallback.class);

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		ConfigurableEnvironment environment = context.getEnvironment();
		if (StringUtils.hasText(environment.getProperty("deepseek.api-key"))
				|| context.getBeanFactory().containsBean(BEAN_NAME)) {
			return;
		}
		DeepSeekEmulator emulator = DeepSeekEmulator.builder().build().start();
		logger.info("DEEPSEEK_API_KEY is not set: calling the in-process DeepSeek emulator at " + emulator.baseUrl()
				+ " instead of DeepSeek. Set DEEPSEEK_API_KEY to call DeepSeek itself.");
		environment.getPropertySources()
			.addFirst(new MapPropertySource(BEAN_NAME,
					Map.of("deepseek.base-url", emulator.baseUrl(), "deepseek.api-key", emulator.apiKey())));
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, emulator);
		if (beanFactory instanceof DefaultListableBeanFactory registry) {
			registry.registerDisposableBean(BEAN_NAME, emulator::close);
		}
	}

}
