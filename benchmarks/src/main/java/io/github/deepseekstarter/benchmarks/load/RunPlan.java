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

package io.github.deepseekstarter.benchmarks.load;

import java.util.List;

import io.github.deepseekstarter.DeepSeekModels;

/**
 * One workload made concrete: how many calls, how many at once, which models, and how the
 * emulator behaves.
 *
 * @param workload the workload
 * @param calls the measured calls
 * @param warmupCalls the calls made first, unmeasured, to warm both JVMs
 * @param concurrency the calls in flight at once
 * @param proCalls how many of the calls go to {@code deepseek-v4-pro}; the rest go to
 * flash
 * @param streaming whether the calls stream
 * @param maxHeap the {@code -Xmx} of the JVM that runs the client
 * @param emulatorOptions the emulator's options
 * @param flashLimit the account's flash limit the emulator enforces
 * @param proLimit the account's pro limit the emulator enforces
 */
public record RunPlan(Workload workload, int calls, int warmupCalls, int concurrency, int proCalls, boolean streaming,
		String maxHeap, List<String> emulatorOptions, int flashLimit, int proLimit) {

	static final String FLASH = DeepSeekModels.FLASH;

	static final String PRO = DeepSeekModels.PRO;

	/**
	 * The model of the call with the given index; pro calls are spread evenly.
	 * @param index the call's index
	 * @return the model
	 */
	String model(int index) {
		if (this.proCalls <= 0) {
			return FLASH;
		}
		long before = (long) index * this.proCalls / this.calls;
		long after = (long) (index + 1) * this.proCalls / this.calls;
		return (after > before) ? PRO : FLASH;
	}

}
