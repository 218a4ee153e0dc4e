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

package io.github.deepseekstarter.observability;

import java.util.List;

import io.github.deepseekstarter.TokenUsage;
import io.github.deepseekstarter.protocol.ResponseMetadata;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * Gives every call to several observers, in order.
 */
public final class CompositeDeepSeekObserver implements DeepSeekObserver {

	private final List<DeepSeekObserver> observers;

	private CompositeDeepSeekObserver(List<DeepSeekObserver> observers) {
		this.observers = observers;
	}

	/**
	 * An observer for the given ones: {@link DeepSeekObserver#NONE} for none, the
	 * observer itself for one.
	 * @param observers the observers
	 * @return the observer to give the template
	 */
	public static DeepSeekObserver of(List<? extends DeepSeekObserver> observers) {
		if (observers.isEmpty()) {
			return DeepSeekObserver.NONE;
		}
		return (observers.size() == 1) ? observers.get(0) : new CompositeDeepSeekObserver(List.copyOf(observers));
	}

	@Override
	public CallObserver start(CallInfo call, ContextView context) {
		List<CallObserver> calls = this.observers.stream().map((observer) -> observer.start(call, context)).toList();
		return new CompositeCallObserver(calls);
	}

	private record CompositeCallObserver(List<CallObserver> calls) implements CallObserver {

		@Override
		public void onResponse(int status) {
			this.calls.forEach((call) -> call.onResponse(status));
		}

		@Override
		public void onFirstByte(ResponseMetadata metadata) {
			this.calls.forEach((call) -> call.onFirstByte(metadata));
		}

		@Override
		public void onResponseDetails(ResponseDetails details) {
			this.calls.forEach((call) -> call.onResponseDetails(details));
		}

		@Override
		public void onFirstToken() {
			this.calls.forEach(CallObserver::onFirstToken);
		}

		@Override
		public void onUsage(TokenUsage usage) {
			this.calls.forEach((call) -> call.onUsage(usage));
		}

		@Override
		public @Nullable ConversationRecorder conversation() {
			// One recorder serves every observer: the first observer's that records
			// content.
			for (CallObserver call : this.calls) {
				ConversationRecorder recorder = call.conversation();
				if (recorder != null) {
					return recorder;
				}
			}
			return null;
		}

		@Override
		public void onEnd(@Nullable Throwable error, boolean cancelled) {
			this.calls.forEach((call) -> call.onEnd(error, cancelled));
		}

	}

}
