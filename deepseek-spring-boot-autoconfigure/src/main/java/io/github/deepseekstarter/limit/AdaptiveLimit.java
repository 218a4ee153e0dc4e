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

import java.util.OptionalInt;

/**
 * The effective limit of one lane: lowered by DeepSeek's 429 answers, raised back by
 * successes (additive increase, multiplicative decrease). Not thread-safe: its lane
 * guards it.
 */
final class AdaptiveLimit {

	private final double decreaseFactor;

	private final int successesPerIncrease;

	private int configured;

	private int effective;

	private int successes;

	private int generation;

	AdaptiveLimit(int configured, double decreaseFactor, int successesPerIncrease) {
		this.configured = configured;
		this.effective = configured;
		this.decreaseFactor = decreaseFactor;
		this.successesPerIncrease = successesPerIncrease;
	}

	int configured() {
		return this.configured;
	}

	int effective() {
		return this.effective;
	}

	/**
	 * Returns the generation of permits granted now; it advances with every decrease so
	 * that one burst of 429s answering permits of the same generation lowers the limit
	 * once, not once per request.
	 */
	int generation() {
		return this.generation;
	}

	boolean onServerLimit(OptionalInt limitFromMessage, int permitGeneration) {
		int next;
		if (limitFromMessage.isPresent()) {
			next = Math.max(1, Math.min(this.configured, limitFromMessage.getAsInt()));
		}
		else {
			if (permitGeneration != this.generation) {
				return false;
			}
			next = Math.max(1, (int) (this.effective * this.decreaseFactor));
		}
		this.successes = 0;
		return set(next);
	}

	boolean onSuccess() {
		if (this.effective >= this.configured || ++this.successes < this.successesPerIncrease) {
			return false;
		}
		this.successes = 0;
		return set(this.effective + 1);
	}

	boolean setConfigured(int limit) {
		boolean changed = limit != this.configured;
		this.configured = limit;
		this.successes = 0;
		return set(limit) || changed;
	}

	private boolean set(int next) {
		if (next == this.effective) {
			return false;
		}
		if (next < this.effective) {
			this.generation++;
		}
		this.effective = next;
		return true;
	}

}
