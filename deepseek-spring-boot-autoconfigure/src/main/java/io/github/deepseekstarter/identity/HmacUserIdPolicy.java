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

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.deepseekstarter.DeepSeekPropertyNames;
import org.jspecify.annotations.Nullable;

/**
 * A {@link UserIdPolicy} that sends the base64url (unpadded) HMAC-SHA256 of the identity.
 * Pure CPU work, so it is safe on an event loop.
 */
final class HmacUserIdPolicy implements UserIdPolicy {

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SecretKeySpec key;

	private final Mac prototype;

	HmacUserIdPolicy(@Nullable String secret) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalArgumentException("The " + DeepSeekPropertyNames.USER_ID_POLICY
					+ " 'hmac' needs a secret: set " + DeepSeekPropertyNames.USER_ID_SECRET
					+ " to a random value of at least 32 bytes shared by every replica" + " (or set "
					+ DeepSeekPropertyNames.USER_ID_POLICY + "=raw to send identities as they are)");
		}
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < UserIdPolicy.MIN_HMAC_SECRET_BYTES) {
			throw new IllegalArgumentException(DeepSeekPropertyNames.USER_ID_SECRET + " is " + bytes.length
					+ " bytes long; the HMAC-SHA256 key must be at least " + UserIdPolicy.MIN_HMAC_SECRET_BYTES
					+ " bytes, so that pseudonyms cannot be reversed by guessing it: set it to a random value of"
					+ " at least 32 bytes shared by every replica");
		}
		this.key = new SecretKeySpec(bytes, ALGORITHM);
		this.prototype = newMac();
	}

	@Override
	public String toUserId(String identity) {
		if (identity.isBlank()) {
			throw new InvalidUserIdException("The caller's identity is blank, so it cannot tell tenants apart;"
					+ " set a non-blank user id on the request or fix the source of the identity");
		}
		return ENCODER.encodeToString(mac().doFinal(identity.getBytes(StandardCharsets.UTF_8)));
	}

	// A Mac is stateful, so each call works on its own copy of the initialised prototype.
	private Mac mac() {
		try {
			return (Mac) this.prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			return newMac();
		}
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is not available in this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "HmacUserIdPolicy";
	}

}
