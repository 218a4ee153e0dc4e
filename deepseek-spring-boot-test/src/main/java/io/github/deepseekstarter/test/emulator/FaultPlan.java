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

package io.github.deepseekstarter.test.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The faults waiting for chat requests: one-shot faults in FIFO order, then standing
 * rules.
 */
final class FaultPlan {

	private final List<Entry> oneShots = new ArrayList<>();

	private final List<Entry> rules = new ArrayList<>();

	synchronized void enqueue(Predicate<RecordedRequest> matcher, Fault fault) {
		this.oneShots.add(new Entry(matcher, fault));
	}

	synchronized void addRule(Predicate<RecordedRequest> matcher, Fault fault) {
		this.rules.add(new Entry(matcher, fault));
	}

	synchronized void clear() {
		this.oneShots.clear();
		this.rules.clear();
	}

	/**
	 * Take the fault for a request: the first matching one-shot (consumed), else the
	 * first matching rule.
	 * @param request the request
	 * @return the fault, or {@code null} to answer normally
	 */
	synchronized @Nullable Fault take(RecordedRequest request) {
		for (Iterator<Entry> it = this.oneShots.iterator(); it.hasNext();) {
			Entry entry = it.next();
			if (entry.matcher().test(request)) {
				it.remove();
				return entry.fault();
			}
		}
		for (Entry rule : this.rules) {
			if (rule.matcher().test(request)) {
				return rule.fault();
			}
		}
		return null;
	}

	private record Entry(Predicate<RecordedRequest> matcher, Fault fault) {

	}

}
