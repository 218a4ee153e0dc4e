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

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static io.github.deepseekstarter.testing.TestTimeouts.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnonymousUserIdStrategyTests {

	private final UserIdPolicy hmac = UserIdPolicy.hmac("correct-horse-battery-staple-2026");

	@Test
	void rejectFailsNamingTheProperty() {
		StepVerifier.create(AnonymousUserIdStrategy.of(AnonymousMode.REJECT, null, this.hmac).userId())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MissingUserIdException.class)
				.isInstanceOf(InvalidUserIdException.class)
				.hasMessageContaining("deepseek.user-id.anonymous")
				.hasMessageContaining("deepseek.user-id.anonymous-id"))
			.verify(TIMEOUT);
	}

	@Test
	void noneSendsNoUserId() {
		StepVerifier.create(AnonymousUserIdStrategy.of(AnonymousMode.NONE, "ignored", this.hmac).userId())
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void sharedSendsTheSharedIdThroughThePolicy() {
		StepVerifier.create(AnonymousUserIdStrategy.of(AnonymousMode.SHARED, "anonymous", this.hmac).userId())
			.expectNext(this.hmac.toUserId("anonymous"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void sharedUnderRawSendsTheSharedIdAsItIs() {
		StepVerifier.create(AnonymousUserIdStrategy.shared("anonymous", UserIdPolicy.raw()).userId())
			.expectNext("anonymous")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void sharedWithoutAnIdFailsNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AnonymousUserIdStrategy.of(AnonymousMode.SHARED, null, this.hmac))
			.withMessageContaining("deepseek.user-id.anonymous-id");
		assertThatIllegalArgumentException().isThrownBy(() -> AnonymousUserIdStrategy.shared(" ", this.hmac))
			.withMessageContaining("deepseek.user-id.anonymous-id");
	}

	@Test
	void sharedIdInvalidUnderThePolicyFailsAtConstructionNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AnonymousUserIdStrategy.shared("guest@example.com", UserIdPolicy.raw()))
			.withMessageContaining("deepseek.user-id.anonymous-id")
			.withMessageContaining("email address")
			.withMessageNotContaining("guest@example.com");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AnonymousUserIdStrategy.shared("anonymous users", UserIdPolicy.raw()))
			.withMessageContaining("deepseek.user-id.anonymous-id")
			.withMessageContaining("^[a-zA-Z0-9_-]+$");
	}

}
