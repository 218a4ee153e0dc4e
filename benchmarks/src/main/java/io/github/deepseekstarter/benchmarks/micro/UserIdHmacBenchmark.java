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

package io.github.deepseekstarter.benchmarks.micro;

import java.util.concurrent.TimeUnit;

import io.github.deepseekstarter.identity.UserIdPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of turning a tenant identity into its HMAC-SHA256 {@code user_id} pseudonym, paid
 * once per call under the default policy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UserIdHmacBenchmark {

	private UserIdPolicy policy = UserIdPolicy.raw();

	private final String identity = "tenant-42:alice@example.com";

	/**
	 * Builds the policy with a 32-byte secret.
	 */
	@Setup
	public void prepare() {
		this.policy = UserIdPolicy.hmac("0123456789abcdef0123456789abcdef");
	}

	/**
	 * One pseudonym on one thread.
	 * @return the pseudonym
	 */
	@Benchmark
	public String toUserId() {
		return this.policy.toUserId(this.identity);
	}

	/**
	 * Pseudonyms from two threads sharing the policy, as request threads do.
	 * @return the pseudonym
	 */
	@Benchmark
	@Threads(2)
	public String toUserIdTwoThreads() {
		return this.policy.toUserId(this.identity);
	}

}
