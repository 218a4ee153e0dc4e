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

package io.github.deepseekstarter.identity;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The resolution, the policies and the anonymous strategies must work in applications
 * without Spring Security, so they are loaded here from a class path that lacks it.
 */
class WithoutSpringSecurityTests {

	@Test
	void resolutionWorksWithoutSpringSecurityOnTheClassPath() throws Exception {
		try (URLClassLoader loader = classLoaderWithoutSpringSecurity()) {
			Class<?> policyType = loader.loadClass(UserIdPolicy.class.getName());
			Class<?> anonymousType = loader.loadClass(AnonymousUserIdStrategy.class.getName());
			Class<?> resolutionType = loader.loadClass(UserIdResolution.class.getName());
			Object policy = policyType.getMethod("hmac", String.class)
				.invoke(null, "correct-horse-battery-staple-2026");
			Object anonymous = anonymousType.getMethod("reject").invoke(null);
			Object resolution = resolutionType.getConstructor(policyType, List.class, anonymousType)
				.newInstance(policy, List.of(), anonymous);
			resolutionType.getMethod("captureCaller").invoke(resolution);
			Object mono = resolutionType.getMethod("userId", String.class).invoke(resolution, "tenant-42");
			Method block = loader.loadClass("reactor.core.publisher.Mono").getMethod("block", Duration.class);
			// An explicit id is already a wire id: it is validated and sent as given.
			assertThat(block.invoke(mono, Duration.ofSeconds(5))).isEqualTo("tenant-42");
		}
	}

	@Test
	void classPathUnderTestLacksSpringSecurity() throws Exception {
		try (URLClassLoader loader = classLoaderWithoutSpringSecurity()) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("org.springframework.security.core.Authentication"));
		}
	}

	private static URLClassLoader classLoaderWithoutSpringSecurity() {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		URL[] urls = Arrays.stream(classPath.split(File.pathSeparator))
			.filter((entry) -> !entry.contains("spring-security"))
			.map(WithoutSpringSecurityTests::toUrl)
			.toArray(URL[]::new);
		return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
	}

	private static URL toUrl(String entry) {
		try {
			return new File(entry).toURI().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException(entry, ex);
		}
	}

}
