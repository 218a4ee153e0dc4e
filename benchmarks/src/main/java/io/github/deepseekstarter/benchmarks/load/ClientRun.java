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

import java.net.URI;
import java.util.Map;

import io.github.deepseekstarter.benchmarks.clients.ClientKind;
import io.github.deepseekstarter.benchmarks.clients.ClientSettings;

/**
 * The child JVM of a forked run: runs one workload through one client against a running
 * emulator and prints its result on one line for the parent to read.
 */
public final class ClientRun {

	private ClientRun() {
	}

	/**
	 * Runs one client on one workload.
	 * @param args {@code --base-url=...}, {@code --client=...} and the harness's options
	 */
	public static void main(String[] args) {
		Map<String, String> values = HarnessOptions.values(args);
		HarnessOptions options = HarnessOptions.parse(args);
		Workload workload = Workload.valueOf(values.get("workload"));
		ClientKind kind = ClientKind.parse(values.get("client"));
		URI baseUrl = URI.create(values.get("base-url"));
		RunPlan plan = options.plan(workload);
		RunResult result = WorkloadRunner.run(kind, plan, LoadHarness.settings(baseUrl, options, plan),
				options.profileOf(workload, kind));
		System.out.println(result.toLine());
		System.exit(0);
	}

}
