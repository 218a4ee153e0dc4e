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

package io.github.deepseekstarter.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Guards the package arrows of the design and the auto-configuration habits of Spring
 * Boot, so that the architecture stays as drawn while it grows.
 */
class ArchitectureTests {

	private static final String BASE = "io.github.deepseekstarter";

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(BASE);

	@Test
	void protocolKnowsNothingOfTheOtherParts() {
		assertIndependent("protocol");
	}

	@Test
	void limitKnowsNothingOfTheOtherParts() {
		assertIndependent("limit");
	}

	@Test
	void identityKnowsNothingOfTheOtherParts() {
		assertIndependent("identity");
	}

	@Test
	void nothingPointsBackAtAutoConfiguration() {
		ArchRule rule = noClasses().that()
			.resideOutsideOfPackage(BASE + ".autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + ".autoconfigure..");
		rule.check(CLASSES);
	}

	@Test
	void observabilityKnowsNothingOfTheClientThatCallsIt() {
		noClasses().that()
			.resideInAPackage(BASE + ".observability..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(BASE + ".client..", BASE + ".retry..", BASE + ".identity..", BASE + ".autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void retryKnowsOnlyTheExceptions() {
		noClasses().that()
			.resideInAPackage(BASE + ".retry..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(BASE + ".client..", BASE + ".protocol..", BASE + ".limit..", BASE + ".identity..",
					BASE + ".observability..")
			.check(CLASSES);
	}

	@Test
	void redisLanesRunTheirScriptsWithoutSpringDataRedisScriptObjects() {
		noClasses().that()
			.resideInAPackage(BASE + ".limit.redis..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.data.redis.core.script..")
			.because("DefaultRedisScript takes a ReentrantLock and StaticScriptSource a monitor on every call, "
					+ "which parks an event loop whenever two releases meet")
			.check(CLASSES);
	}

	@Test
	void springBootClassesAppearOnlyInAutoConfigurationObservabilityAndActuator() {
		noClasses().that()
			.resideOutsideOfPackages(BASE + ".autoconfigure..", BASE + ".observability..", BASE + ".actuate..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(CLASSES);
	}

	@Test
	void autoConfigurationsArePublicFinalClasses() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.bePublic()
			.andShould()
			.haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
			.check(CLASSES);
	}

	@Test
	void beanMethodsAreNotPublic() {
		methods().that().areAnnotatedWith(Bean.class).should().notBePublic().check(CLASSES);
	}

	@Test
	void autoConfigurationsAreNeverComponentScanned() {
		noClasses().should()
			.beAnnotatedWith("org.springframework.stereotype.Component")
			.orShould()
			.beAnnotatedWith("org.springframework.context.annotation.ComponentScan")
			.check(CLASSES);
	}

	private static void assertIndependent(String name) {
		String[] others = java.util.stream.Stream
			.of("client", "protocol", "limit", "identity", "retry", "observability", "actuate", "autoconfigure")
			.filter((other) -> !other.equals(name))
			.map((other) -> BASE + "." + other + "..")
			.toArray(String[]::new);
		noClasses().that()
			.resideInAPackage(BASE + "." + name + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(others)
			.allowEmptyShould(true)
			.check(CLASSES);
	}

}
