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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The DeepSeek emulator in a JVM of its own, so that its work never counts against the
 * client being measured. It runs on the harness's own classpath and Java binary.
 */
final class EmulatorProcess implements AutoCloseable {

	private static final String MAIN = "io.github.deepseekstarter.test.emulator.DeepSeekEmulatorMain";

	private static final String READY = "DeepSeek emulator listening on ";

	private final Process process;

	private final URI baseUrl;

	private EmulatorProcess(Process process, URI baseUrl) {
		this.process = process;
		this.baseUrl = baseUrl;
	}

	/**
	 * Starts the emulator and waits until it listens.
	 * @param options the emulator's {@code --name=value} options
	 * @return the running emulator
	 * @throws IOException if the process cannot be started or exits before listening
	 */
	static EmulatorProcess start(List<String> options) throws IOException {
		List<String> command = new ArrayList<>(JavaCommand.base("-Xmx1g"));
		command.add(MAIN);
		command.addAll(options);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			int at = line.indexOf(READY);
			if (at >= 0) {
				URI baseUrl = URI.create(line.substring(at + READY.length()).trim());
				drain(out);
				return new EmulatorProcess(process, baseUrl);
			}
		}
		throw new IOException("The emulator exited with status " + waitFor(process) + " before listening");
	}

	// The emulator's output must keep flowing, or it blocks once the pipe is full.
	private static void drain(BufferedReader out) {
		Thread drainer = new Thread(() -> {
			try {
				while (out.readLine() != null) {
					// Discarded: the harness reports its own figures.
				}
			}
			catch (IOException ex) {
				// The process has gone; nothing more to read.
			}
		}, "emulator-output");
		drainer.setDaemon(true);
		drainer.start();
	}

	private static int waitFor(Process process) {
		try {
			return process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	URI baseUrl() {
		return this.baseUrl;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
