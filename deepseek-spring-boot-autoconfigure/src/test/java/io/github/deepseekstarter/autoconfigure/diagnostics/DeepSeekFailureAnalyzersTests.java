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

package io.github.deepseekstarter.autoconfigure.diagnostics;

import java.util.List;

import io.github.deepseekstarter.autoconfigure.DeepSeekAutoConfiguration;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Each analyzer explains a real failed startup: the application is started with a
 * mistake, and the analyzers registered in {@code META-INF/spring.factories} are applied
 * in Spring Boot's order, the first analysis winning, as Spring Boot reports it.
 */
class DeepSeekFailureAnalyzersTests {

	private static final String SECRET = "deepseek.user-id.secret=test-secret-of-at-least-32-bytes";

	@Test
	void missingApiKeyNamesTheEnvironmentVariableAndTheEmulator() {
		FailureAnalysis analysis = analyzeStartup(DeepSeekApplication.class, SECRET);
		assertThat(analysis.getDescription()).contains("deepseek.api-key is not set")
			.contains("https://api.deepseek.com");
		assertThat(analysis.getAction()).contains("DEEPSEEK_API_KEY")
			.contains("@AutoConfigureDeepSeekEmulator")
			.contains("DeepSeekEmulatorMain");
	}

	@Test
	void missingApiKeyAgainstALoopbackAddressMentionsTheEmulatorsKey() {
		FailureAnalysis analysis = analyzeStartup(DeepSeekApplication.class, SECRET,
				"deepseek.base-url=http://127.0.0.1:8089");
		assertThat(analysis.getDescription()).contains("http://127.0.0.1:8089")
			.contains("on this machine")
			.contains("sk-emulator");
	}

	@Test
	void missingHmacSecretSaysWhyItIsNeededAndHowToMakeOne() {
		FailureAnalysis analysis = analyzeStartup(DeepSeekApplication.class, "deepseek.api-key=sk-test");
		assertThat(analysis.getDescription()).contains("deepseek.user-id.secret is not set")
			.contains("no personal data");
		assertThat(analysis.getAction()).contains("32 bytes")
			.contains("same on every replica")
			.contains("deepseek.user-id.policy=raw");
	}

	@Test
	void modelLimitThatIsNotPositiveGivesThePublishedLimits() {
		FailureAnalysis analysis = analyzeStartup(DeepSeekApplication.class, "deepseek.api-key=sk-test", SECRET,
				"deepseek.limits.models.deepseek-v4-pro=0");
		assertThat(analysis.getDescription()).contains("deepseek.limits.models.deepseek-v4-pro is 0");
		assertThat(analysis.getAction()).contains("positive").contains("500").contains("2500");
	}

	@Test
	void negativePerUserLimitExplainsThatZeroTurnsTheCapOff() {
		FailureAnalysis analysis = analyzeStartup(DeepSeekApplication.class, "deepseek.api-key=sk-test", SECRET,
				"deepseek.limits.per-user=-1");
		assertThat(analysis.getDescription()).contains("deepseek.limits.per-user is -1");
		assertThat(analysis.getAction()).contains("0 to let one tenant use the whole lane");
	}

	@Test
	void backgroundShareOutOfRangeGivesTheRange() {
		FailureAnalysis analysis = analyzeStartup(DeepSeekApplication.class, "deepseek.api-key=sk-test", SECRET,
				"deepseek.limits.background-share=1.5");
		assertThat(analysis.getDescription()).contains("deepseek.limits.background-share is 1.5");
		assertThat(analysis.getAction()).contains("above 0 and at most 1");
	}

	@Test
	void unknownProtocolListsTheProtocolsOfThePropertysType() {
		FailureAnalysis analysis = analyzeStartup(DeepSeekApplication.class, "deepseek.api-key=sk-test", SECRET,
				"deepseek.protocol=grpc");
		assertThat(analysis.getDescription()).contains("deepseek.protocol is 'grpc'");
		assertThat(analysis.getAction()).contains("one of openai, anthropic");
	}

	@Test
	void distributedModeWithoutRedisNamesTheDependencyAndTheWayBack() {
		FailureAnalysis analysis = analyzeStartup(DistributedApplication.class);
		assertThat(analysis.getDescription()).contains("deepseek.distributed.enabled=true")
			.contains("Spring Data Redis is not on the classpath");
		assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis")
			.contains("deepseek.distributed.enabled=false");
	}

	@Test
	void otherDeepSeekPropertiesAreLeftToSpringBootsAnalyzer() {
		Throwable failure = startupFailure(DeepSeekApplication.class, new StandardEnvironment(),
				"deepseek.api-key=sk-test", SECRET, "deepseek.model=");
		assertThat(new MissingApiKeyFailureAnalyzer(null).analyze(failure)).isNull();
		assertThat(new MissingUserIdSecretFailureAnalyzer().analyze(failure)).isNull();
		assertThat(new InvalidLimitFailureAnalyzer().analyze(failure)).isNull();
		assertThat(new UnknownProtocolFailureAnalyzer().analyze(failure)).isNull();
		assertThat(analyze(failure, new StandardEnvironment()).getDescription()).contains("deepseek.model");
	}

	private static FailureAnalysis analyzeStartup(Class<?> application, String... properties) {
		StandardEnvironment environment = new StandardEnvironment();
		return analyze(startupFailure(application, environment, properties), environment);
	}

	private static Throwable startupFailure(Class<?> application, StandardEnvironment environment,
			String... properties) {
		TestPropertyValues.of(properties).applyTo(environment);
		SpringApplication springApplication = new SpringApplication(application);
		springApplication.setWebApplicationType(WebApplicationType.NONE);
		springApplication.setBannerMode(Banner.Mode.OFF);
		springApplication.setLogStartupInfo(false);
		springApplication.setEnvironment(environment);
		Throwable failure = catchThrowable(springApplication::run);
		assertThat(failure).as("the startup failure").isNotNull();
		return failure;
	}

	// Loads the analyzers as Spring Boot does and returns the first analysis, as it
	// reports.
	private static FailureAnalysis analyze(Throwable failure, Environment environment) {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(DeepSeekFailureAnalyzersTests.class.getClassLoader())
			.load(FailureAnalyzer.class,
					ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
						.and(Environment.class, environment),
					FailureHandler.logging(LogFactory.getLog(DeepSeekFailureAnalyzersTests.class)));
		FailureAnalysis analysis = analyzers.stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter((candidate) -> candidate != null)
			.findFirst()
			.orElse(null);
		assertThat(analysis).as("the failure analysis of %s", failure).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DeepSeekAutoConfiguration.class, WebClientAutoConfiguration.class })
	static class DeepSeekApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class DistributedApplication {

		@Bean
		Object distributedLanes() {
			throw new DistributedModeUnavailableException("Spring Data Redis is not on the classpath");
		}

	}

}
