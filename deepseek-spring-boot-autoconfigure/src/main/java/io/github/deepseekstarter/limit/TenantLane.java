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

import java.util.ArrayDeque;

/**
 * One tenant's permits and waiters in one lane. Guarded by its lane.
 */
final class TenantLane {

	private final String tenant;

	private final ArrayDeque<PermitSubscriber<?>> interactive = new ArrayDeque<>(4);

	private final ArrayDeque<PermitSubscriber<?>> background = new ArrayDeque<>(4);

	private boolean inInteractiveRing;

	private boolean inBackgroundRing;

	int inUse;

	TenantLane(String tenant) {
		this.tenant = tenant;
	}

	String tenant() {
		return this.tenant;
	}

	ArrayDeque<PermitSubscriber<?>> waiting(Priority priority) {
		return (priority == Priority.INTERACTIVE) ? this.interactive : this.background;
	}

	boolean inRing(Priority priority) {
		return (priority == Priority.INTERACTIVE) ? this.inInteractiveRing : this.inBackgroundRing;
	}

	void inRing(Priority priority, boolean inRing) {
		if (priority == Priority.INTERACTIVE) {
			this.inInteractiveRing = inRing;
		}
		else {
			this.inBackgroundRing = inRing;
		}
	}

	int queued() {
		return this.interactive.size() + this.background.size();
	}

	boolean idle() {
		return this.inUse == 0 && this.interactive.isEmpty() && this.background.isEmpty();
	}

}
