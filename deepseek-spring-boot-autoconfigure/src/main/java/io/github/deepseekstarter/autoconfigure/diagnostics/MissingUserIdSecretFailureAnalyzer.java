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

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing {@code deepseek.user-id.secret}, the HMAC key that pseudonymizes
 * tenant identities before they are sent as {@code user_id}.
 */
class MissingUserIdSecretFailureAnalyzer extends DeepSeekPropertyValueFailureAnalyzer {

	private static final String SECRET = "deepseek.user-id.secret";

	@Override
	boolean appliesTo(String property) {
		return SECRET.equals(property);
	}

	@Override
	FailureAnalysis analyze(InvalidConfigurationPropertyValueException cause) {
		String description = "The HMAC secret of tenant identities is missing: " + SECRET + " is not set, and "
				+ "deepseek.user-id.policy=hmac (the default) needs it to turn each tenant into the user_id "
				+ "pseudonym DeepSeek receives, so that no personal data leaves the application.";
		String action = "Set " + SECRET + " (for example from a DEEPSEEK_USER_ID_SECRET environment variable) to "
				+ "a random value of 32 bytes or more, the same on every replica so that a tenant keeps its user_id; "
				+ "openssl rand -base64 32 makes one.\n"
				+ "If your identities are already opaque ids that match ^[a-zA-Z0-9_-]+$, set "
				+ "deepseek.user-id.policy=raw to send them unchanged instead.";
		return new FailureAnalysis(description, action, cause);
	}

}
