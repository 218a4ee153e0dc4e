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
package io.github.deepseekstarter.leaks;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty found a buffer garbage-collected without being released,
 * so that a leak fails the build instead of a line in its log. Registered for every test
 * class of this module through JUnit's extension auto-detection. A leak is found when the
 * collector reclaims the buffer, which can be after the class that leaked it: the message
 * says so, and the access records name where the buffer was used.
 */
public class NoLeakedBuffersExtension implements AfterAllCallback {

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		List<String> leaks = LeakRecordingDetectorFactory.collectLeaks();
		if (!leaks.isEmpty()) {
			throw new AssertionError(leaks.size() + " Netty buffer(s) leaked by " + context.getDisplayName()
					+ " or a test class run before it:\n" + String.join("\n\n", leaks));
		}
	}

}
