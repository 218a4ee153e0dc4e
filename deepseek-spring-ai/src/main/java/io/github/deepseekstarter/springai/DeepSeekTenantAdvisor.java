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

package io.github.deepseekstarter.springai;

import java.util.function.Function;

import io.github.deepseekstarter.identity.UserIdResolution;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.core.Ordered;

/**
 * Captures the caller's thread-bound identity (Spring Security's
 * {@code SecurityContextHolder}) when a {@code ChatClient} stream starts, so that every
 * model turn of it carries the tenant's {@code user_id}: Spring AI's tool loop runs the
 * turns after the first on another thread, where the caller's identity is not bound.
 * Calls need no capture: their tool loop runs on the caller's thread.
 */
public final class DeepSeekTenantAdvisor implements StreamAdvisor {

	private final UserIdResolution userIds;

	/**
	 * An advisor capturing identities for the given resolution.
	 * @param userIds the template's user-id resolution
	 */
	public DeepSeekTenantAdvisor(UserIdResolution userIds) {
		this.userIds = userIds;
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		Function<Context, Context> capture = this.userIds.captureCaller();
		return chain.nextStream(request).contextWrite(capture);
	}

	@Override
	public String getName() {
		return "DeepSeekTenantAdvisor";
	}

	@Override
	public int getOrder() {
		// Around every other advisor, the tool loop included.
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
