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

package io.github.deepseekstarter.limit.redis;

import java.time.Duration;

/**
 * Runs a close of Lettuce connections on a daemon thread of its own and waits for it a
 * bounded time. Lettuce's client shutdown waits without a bound for its connections to
 * close ({@code AbstractRedisClient.shutdown} calls {@code get()} on the shutdown's
 * future), and closing connections to a Redis Cluster has been seen to wait forever:
 * after its nodes were killed and restarted (the chaos tests), and once at the end of
 * {@link ClusterLeasesTests}, whose nodes all ran. A test has asserted what it is about
 * by then: a close that does not end prints where it waits, and its connections are left
 * to the JVM's exit.
 */
final class BoundedClose {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private BoundedClose() {
	}

	/**
	 * Runs a close and waits for it at most {@link #TIMEOUT}.
	 * @param what what is closed, for the message
	 * @param close the close
	 */
	static void run(String what, Runnable close) {
		Thread closing = new Thread(close, "bounded-redis-close");
		closing.setDaemon(true);
		closing.start();
		try {
			closing.join(TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!closing.isAlive()) {
			return;
		}
		StringBuilder message = new StringBuilder("Closing ").append(what)
			.append(" did not end within ")
			.append(TIMEOUT)
			.append("; its Redis connections are left to the JVM's exit. It waits at:");
		for (StackTraceElement element : closing.getStackTrace()) {
			message.append(System.lineSeparator()).append("\tat ").append(element);
		}
		System.err.println(message);
	}

}
