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

package io.github.deepseekstarter.limit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

/**
 * A request whose body runs until the test ends it, so that tests can hold permits.
 */
final class HeldRequest {

	private final Sinks.Empty<Void> end = Sinks.empty();

	private final AtomicReference<@Nullable Permit> permit = new AtomicReference<>();

	private final AtomicReference<@Nullable Throwable> error = new AtomicReference<>();

	private final Disposable subscription;

	private HeldRequest(DeepSeekLimiter limiter, Admission admission) {
		this.subscription = limiter.withPermit(admission, (permit) -> {
			this.permit.set(permit);
			return this.end.asMono();
		}).subscribe(null, this.error::set);
	}

	static HeldRequest start(DeepSeekLimiter limiter, Admission admission) {
		return new HeldRequest(limiter, admission);
	}

	static List<HeldRequest> start(DeepSeekLimiter limiter, Admission admission, int count) {
		List<HeldRequest> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			requests.add(start(limiter, admission));
		}
		return requests;
	}

	boolean running() {
		return this.permit.get() != null && !this.subscription.isDisposed() && this.error.get() == null;
	}

	Permit permit() {
		Permit permit = this.permit.get();
		if (permit == null) {
			throw new IllegalStateException("The request holds no permit");
		}
		return permit;
	}

	@Nullable Throwable error() {
		return this.error.get();
	}

	void complete() {
		this.end.tryEmitEmpty();
	}

	void fail() {
		this.end.tryEmitError(new IllegalStateException("failed by the test"));
	}

	void cancel() {
		this.subscription.dispose();
	}

}
