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
package io.github.deepseekstarter.testing;

import java.time.Duration;

/**
 * How long a test waits for what it expects before it fails, shared by every test so that
 * one slow machine is fixed in one place.
 */
public final class TestTimeouts {

	/** The longest a {@code StepVerifier} or an {@code await()} waits. */
	public static final Duration TIMEOUT = Duration.ofSeconds(20);

	/** The wait of tests that drive many calls through the emulator or Redis. */
	public static final Duration LONG_TIMEOUT = Duration.ofSeconds(60);

	private TestTimeouts() {
	}

}
