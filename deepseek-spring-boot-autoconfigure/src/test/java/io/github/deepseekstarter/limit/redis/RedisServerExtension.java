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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * Runs a real {@code redis-server} on a free loopback port for each test, without
 * persistence, and lets the test kill and restart it on the same port. The server is the
 * one on the {@code PATH}, or else the binary that embedded-redis ships for this
 * operating system, so the tests need nothing installed.
 */
public final class RedisServerExtension implements BeforeEachCallback, AfterEachCallback {

	private static final Logger logger = LoggerFactory.getLogger(RedisServerExtension.class);

	private static final Duration STARTUP = Duration.ofSeconds(10);

	private final List<String> options;

	private static @Nullable Path executable;

	private int port;

	private @Nullable Process process;

	/**
	 * Creates the extension of a standalone server.
	 */
	public RedisServerExtension() {
		this(List.of());
	}

	/**
	 * Creates the extension of a server started with extra options.
	 * @param options options appended to the command line, such as
	 * {@code --cluster-enabled yes}
	 */
	RedisServerExtension(List<String> options) {
		this.options = List.copyOf(options);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		startOnFreePort();
	}

	/**
	 * Picks a free port and starts the server on it.
	 * @throws IOException if {@code redis-server} cannot be run
	 */
	void startOnFreePort() throws IOException {
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
		List<String> command = new ArrayList<>(List.of(executable().toString(), "--port", Integer.toString(this.port),
				"--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
		command.addAll(this.options);
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
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
			return readLine(socket.getInputStream());
		}
	}

	/**
	 * Sends one command in the inline protocol and returns its whole answer when it is a
	 * bulk string (as {@code CLUSTER INFO} answers), else its first line.
	 * @param command the command
	 * @return the answer
	 * @throws IOException if the server does not answer
	 */
	public String bulk(String command) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			String first = readLine(in);
			if (!first.startsWith("$") || first.equals("$-1")) {
				return first;
			}
			byte[] body = in.readNBytes(Integer.parseInt(first.substring(1)));
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\r') {
			line.append((char) c);
		}
		if (c == '\r') {
			in.read();
		}
		return line.toString();
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

	/**
	 * Returns the {@code redis-server} binary every server of this JVM runs, found once:
	 * the one on the {@code PATH}, else the one embedded-redis ships (extracted to a
	 * temporary directory removed on exit). Logs which binary and version it is.
	 * @return the path of the binary
	 * @throws IOException if there is none on the {@code PATH} and none for this platform
	 */
	static synchronized Path executable() throws IOException {
		if (executable == null) {
			Path found;
			String origin;
			try {
				found = ExecutableProvider.newExecutableInPath("redis-server").get().toPath();
				origin = "from the PATH";
			}
			catch (IOException ex) {
				found = ExecutableProvider.newJarResourceProvider().get().toPath();
				origin = "shipped by embedded-redis, as none is on the PATH";
			}
			logger.info("Redis tests run {} ({}): {}", found, origin, version(found));
			executable = found;
		}
		return executable;
	}

	private static String version(Path binary) throws IOException {
		Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		try {
			process.waitFor(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return output;
	}

	/**
	 * Stops the server (SIGSTOP) without closing its connections, as a long pause of its
	 * host would; {@link #resume()} lets it go on.
	 */
	public void pause() throws IOException, InterruptedException {
		signal("STOP");
	}

	/**
	 * Lets a server stopped by {@link #pause()} go on (SIGCONT).
	 */
	public void resume() throws IOException, InterruptedException {
		signal("CONT");
	}

	private void signal(String signal) throws IOException, InterruptedException {
		Process process = this.process;
		if (process == null) {
			throw new IllegalStateException("redis-server is not running");
		}
		int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
		if (exit != 0) {
			throw new IOException("kill -" + signal + " exited with " + exit);
		}
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
