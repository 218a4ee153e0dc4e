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

package io.github.deepseekstarter.benchmarks.load;

import java.nio.file.Path;
import java.util.List;

/**
 * The start of a command that runs another JVM like this one: the same Java binary and
 * the same classpath.
 */
final class JavaCommand {

	private JavaCommand() {
	}

	static List<String> base(String maxHeap) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return List.of(java, maxHeap, "-cp", System.getProperty("java.class.path"));
	}

}
