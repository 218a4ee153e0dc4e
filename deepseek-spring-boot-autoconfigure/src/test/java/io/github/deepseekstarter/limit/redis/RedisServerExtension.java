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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a real {@code redis-server} from the {@code PATH} on a free loopback port for each
 * test, without persistence, and lets the test kill and restart it on the same port.
 */
public final class RedisServerExtension implements BeforeEachCallback, AfterEachCallback {

	private static final Duration STARTUP = Duration.ofSeconds(10);

	private int port;

	private @Nullable Process process;

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		this.port = freePort();
		start();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		kill();
	}

	/**
	 * Returns the port the server listens on, the same across restarts.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Starts the server and waits until it answers {@code PING}.
	 * @throws IOException if {@code redis-server} cannot be run
	 */
	public void start() throws IOException {
		if (this.process != null) {
			throw new IllegalStateException("redis-server is already running");
		}
		List<String> command = List.of("redis-server", "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no");
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IOException("redis-server is not on the PATH; install it (the CI script .ci/run does)", ex);
		}
		Awaitility.await("redis-server answering PING on port " + this.port)
			.atMost(STARTUP)
			.pollInterval(Duration.ofMillis(20))
			.until(this::answersPing);
	}

	/**
	 * Kills the server at once (SIGKILL), as a crash would, and waits for it to be gone.
	 */
	public void kill() {
		Process process = this.process;
		this.process = null;
		if (process != null) {
			process.destroyForcibly();
			Awaitility.await("redis-server to exit").atMost(STARTUP).until(() -> !process.isAlive());
		}
	}

	/**
	 * Sends one command in the inline protocol and returns the first line of the answer.
	 * @param command the command, for example {@code ZCARD key}
	 * @return the answer's first line, such as {@code :3}
	 * @throws IOException if the server does not answer
	 */
	public String command(String command) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\r') {
				line.append((char) c);
			}
			return line.toString();
		}
	}

	/**
	 * Returns the number of live (unexpired) leases in a sorted set of leases.
	 * @param key the key of the lane's leases
	 * @return the number of leases whose expiry is in the future of the server's clock
	 * @throws IOException if the server does not answer
	 */
	public long liveLeases(String key) throws IOException {
		String answer = command("EVAL \"local t = redis.call('TIME') return redis.call('ZCOUNT', KEYS[1], "
				+ "t[1] * 1000 + math.floor(t[2] / 1000), '+inf')\" 1 " + key);
		return Long.parseLong(answer.substring(1));
	}

	private boolean answersPing() {
		try {
			return "+PONG".equals(command("PING"));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
