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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.deepseekstarter.limit.AccountPermits;
import io.github.deepseekstarter.limit.redis.OutagePolicy;
import io.github.deepseekstarter.limit.redis.RedisAccountPermitsFactory;
import io.github.deepseekstarter.limit.redis.RedisPermitsSettings;
import io.github.deepseekstarter.limit.redis.RedisPermitsState;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Cost of a distributed account permit: one lease taken in Redis (a Lua script, one round
 * trip) and given back (another script, sent without waiting, on the same connection, so
 * Redis has run it before it answers the next acquisition). Measured against a local
 * {@code redis-server}: the one on the port of the system property
 * {@value #PORT_PROPERTY}, or else one the benchmark starts from the {@code PATH} on a
 * free port, without persistence.
 */
@State(Scope.Benchmark)
@BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RedisLeaseBenchmark {

	/**
	 * The system property naming the port of a running Redis to use.
	 */
	public static final String PORT_PROPERTY = "deepseek.bench.redis.port";

	private @Nullable Process server;

	private @Nullable LettuceConnectionFactory connectionFactory;

	private @Nullable RedisAccountPermitsFactory factory;

	private AccountPermits permits = new NoPermits();

	private final AtomicLong cycles = new AtomicLong();

	private int port;

	private long scriptCallsBefore;

	/**
	 * Connects to Redis, starting it first unless a port is given.
	 * @throws Exception if Redis cannot be started or reached
	 */
	@Setup(Level.Trial)
	public void connect() throws Exception {
		String configured = System.getProperty(PORT_PROPERTY);
		int port = (configured != null) ? Integer.parseInt(configured) : startServer();
		this.port = port;
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		this.connectionFactory = connectionFactory;
		RedisAccountPermitsFactory factory = new RedisAccountPermitsFactory(connectionFactory,
				new RedisPermitsSettings("bench:deepseek:" + ProcessHandle.current().pid(), Duration.ofSeconds(30),
						Duration.ofSeconds(1), OutagePolicy.FAIL_CLOSED, 1));
		this.factory = factory;
		// A limit no run reaches, so that every acquisition is granted.
		this.permits = factory.create("bench", 1_000_000, () -> {
		});
		if (factory.state().mode() != RedisPermitsState.Mode.REDIS) {
			throw new IllegalStateException("Redis on port " + port + " does not answer: " + factory.state());
		}
		this.scriptCallsBefore = scriptCalls(port);
	}

	/**
	 * Closes the connection and stops the Redis this benchmark started.
	 */
	@TearDown(Level.Trial)
	public void disconnect() throws IOException {
		long calls = scriptCalls(this.port) - this.scriptCallsBefore;
		// Heartbeats add one script call per lane every ten seconds; the rest are the
		// acquisitions and releases themselves.
		System.out.printf("%nRedis script calls per acquire + release: %.3f (%d calls, %d cycles)%n",
				(double) calls / Math.max(1, this.cycles.get()), calls, this.cycles.get());
		if (this.factory != null) {
			this.factory.close();
		}
		if (this.connectionFactory != null) {
			this.connectionFactory.destroy();
		}
		if (this.server != null) {
			this.server.destroyForcibly();
		}
	}

	/**
	 * One caller: take a lease, give it back.
	 * @return whether the lease was granted
	 */
	@Benchmark
	public boolean acquireAndRelease() {
		return cycle();
	}

	/**
	 * Four callers on the same lane and connection.
	 * @return whether the lease was granted
	 */
	@Benchmark
	@Threads(4)
	public boolean acquireAndReleaseFourThreads() {
		return cycle();
	}

	private boolean cycle() {
		Boolean granted = this.permits.tryAcquire().block();
		if (!Boolean.TRUE.equals(granted)) {
			throw new IllegalStateException("Lease refused: " + this.factory.state());
		}
		this.permits.release();
		this.cycles.incrementAndGet();
		return true;
	}

	/**
	 * Returns how many scripts Redis has run (EVALSHA and EVAL), from INFO commandstats.
	 */
	private static long scriptCalls(int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write("INFO commandstats\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder header = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\n') {
				header.append((char) c);
			}
			int length = Integer.parseInt(header.toString().trim().substring(1));
			String stats = new String(in.readNBytes(length), StandardCharsets.US_ASCII);
			long calls = 0;
			for (String line : stats.split("\r\n")) {
				if (line.startsWith("cmdstat_evalsha:") || line.startsWith("cmdstat_eval:")) {
					int start = line.indexOf("calls=") + "calls=".length();
					calls += Long.parseLong(line.substring(start, line.indexOf(',', start)));
				}
			}
			return calls;
		}
	}

	private int startServer() throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		this.server = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no"))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!answersPing(port)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("redis-server did not answer on port " + port);
			}
			Thread.sleep(20);
		}
		return port;
	}

	private static boolean answersPing(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = in.readNBytes(5);
			return "+PONG".equals(new String(answer, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Stands in until the trial's setup has run.
	 */
	private static final class NoPermits implements AccountPermits {

		@Override
		public Mono<Boolean> tryAcquire() {
			return Mono.just(Boolean.FALSE);
		}

		@Override
		public void release() {
		}

		@Override
		public void changeLimit(int limit) {
		}

	}

}
