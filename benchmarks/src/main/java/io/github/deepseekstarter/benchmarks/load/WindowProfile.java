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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

/**
 * A profile of a run's measured window, by JDK Flight Recorder: a method sample of every
 * thread running Java code each millisecond, written to a file, and read back as the
 * samples that each component of a client took inside the window. The recording starts
 * before the warm-up, since a recording started at the window's start made the JIT
 * compile again through the window (40 % of its CPU), and the window is an event of the
 * recording. The JIT compiler, the collector and the kernel run no Java code, so the
 * profile leaves them out; the tables' CPU columns count them.
 */
final class WindowProfile implements AutoCloseable {

	static final Duration PERIOD = Duration.ofMillis(1);

	private final Recording recording = new Recording();

	private final Path file;

	private final MeasuredWindow window = new MeasuredWindow();

	private WindowProfile(Path file) {
		this.file = file;
		this.recording.enable("jdk.ExecutionSample").withPeriod(PERIOD);
		this.recording.enable(MeasuredWindow.NAME);
		this.recording.setToDisk(true);
	}

	/**
	 * Starts a profile, or nothing when no file is given.
	 * @param file where the recording goes, or {@code null}
	 * @return the profile, or {@code null}
	 */
	static @Nullable WindowProfile start(@Nullable Path file) {
		if (file == null) {
			return null;
		}
		WindowProfile profile = new WindowProfile(file);
		profile.recording.start();
		return profile;
	}

	/**
	 * Marks the start of the measured window.
	 */
	void windowStarts() {
		this.window.begin();
	}

	/**
	 * Marks the end of the measured window.
	 */
	void windowEnds() {
		this.window.commit();
	}

	/**
	 * Ends the profile and writes its recording.
	 */
	@Override
	public void close() {
		try {
			this.recording.stop();
			this.recording.dump(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.recording.close();
		}
	}

	/**
	 * Reads a recording back as samples per component.
	 * @param file the recording
	 * @return the samples of each component, every component present
	 * @throws IOException if the recording cannot be read
	 */
	static Map<Component, Long> read(Path file) throws IOException {
		Map<Component, Long> samples = new EnumMap<>(Component.class);
		for (Component component : Component.values()) {
			samples.put(component, 0L);
		}
		List<RecordedEvent> events = RecordingFile.readAllEvents(file);
		RecordedEvent window = events.stream()
			.filter((event) -> event.getEventType().getName().equals(MeasuredWindow.NAME))
			.findFirst()
			.orElseThrow(() -> new IOException("No measured window in " + file));
		for (RecordedEvent event : events) {
			if (event.getEventType().getName().equals("jdk.ExecutionSample")
					&& !event.getStartTime().isBefore(window.getStartTime())
					&& !event.getStartTime().isAfter(window.getEndTime())) {
				RecordedStackTrace stack = event.getStackTrace();
				if (stack != null) {
					samples.merge(Component.of(stack.getFrames()), 1L, Long::sum);
				}
			}
		}
		return samples;
	}

	/**
	 * The measured window, as an event of the recording.
	 */
	@Name(MeasuredWindow.NAME)
	@Label("Measured window")
	static final class MeasuredWindow extends Event {

		static final String NAME = "io.github.deepseekstarter.benchmarks.MeasuredWindow";

	}

	/**
	 * What a sample was spent on: the innermost frame that is not the JDK's, Jackson's or
	 * a wire type's tells. Those work for whoever called them, so a sample in Jackson's
	 * generator is the request writer's, and one in a {@code String} method is charged to
	 * the header map or codec that called it. A sample of the JDK's alone is the JDK's.
	 */
	enum Component {

		/** Writing the request's JSON: the adapters' bodies, through Jackson. */
		JSON_WRITING("JSON writing", "io.github.deepseekstarter.client.OpenAiAdapter.body",
				"io.github.deepseekstarter.client.AnthropicAdapter.body"),

		/** Reading the answer's JSON: the token readers, and Jackson's reads. */
		JSON_READING("JSON reading", "io.github.deepseekstarter.client.WireJson.",
				"io.github.deepseekstarter.protocol.OpenAiResponseDeserializer"),

		/** The keep-alive aware decoders of bodies and event streams. */
		DECODING("keep-alive aware decoding", "io.github.deepseekstarter.protocol.",
				"io.github.deepseekstarter.client.OpenAiStreamDecoder",
				"io.github.deepseekstarter.client.AnthropicStreamDecoder",
				"io.github.deepseekstarter.client.WireStreamDecoder"),

		/** The lanes, the fair queue and the permits. */
		LANES("lanes and permits", "io.github.deepseekstarter.limit."),

		/** The caller's {@code user_id}. */
		USER_ID("user id", "io.github.deepseekstarter.identity."),

		/** The observation of calls and their meters. */
		OBSERVATION("observation and meters", "io.github.deepseekstarter.observability.", "io.micrometer."),

		/** The retry operator. */
		RETRY("retry", "io.github.deepseekstarter.retry.", "io.github.resilience4j."),

		/** The rest of the starter's own code: the call's pipeline and the exchange. */
		STARTER("the starter's pipeline", "io.github.deepseekstarter."),

		/** Reactor's operators. */
		REACTOR("Reactor operators", "reactor.core."),

		/** WebClient, its request and response adapters and Spring's HTTP types. */
		WEBCLIENT("WebClient and Spring HTTP", "org.springframework."),

		/** Reactor Netty and Netty: the connection pool, HTTP codec and channels. */
		NETTY("Reactor Netty and Netty", "reactor.netty.", "io.netty."),

		/** A sample in the JDK's classes alone. */
		JDK("the JDK alone"),

		/** Anything else: the harness's own loop and the other clients' libraries. */
		OTHER("other");

		private static final List<String> TRANSPARENT = List.of("java.", "jdk.", "sun.", "tools.jackson.",
				"io.github.deepseekstarter.protocol.openai.", "io.github.deepseekstarter.protocol.anthropic.");

		private static final String HARNESS = "io.github.deepseekstarter.benchmarks.";

		private final String label;

		private final List<String> prefixes;

		Component(String label, String... prefixes) {
			this.label = label;
			this.prefixes = List.of(prefixes);
		}

		/**
		 * The component's name in a table.
		 * @return the label
		 */
		String label() {
			return this.label;
		}

		/**
		 * The component a sample belongs to.
		 * @param frames the sample's frames, innermost first
		 * @return the component
		 */
		static Component of(List<RecordedFrame> frames) {
			String[] names = new String[frames.size()];
			for (int i = 0; i < names.length; i++) {
				RecordedFrame frame = frames.get(i);
				names[i] = (frame.getMethod() != null)
						? frame.getMethod().getType().getName() + "." + frame.getMethod().getName() : "";
			}
			return of(names);
		}

		/**
		 * The component a stack belongs to.
		 * @param names the stack's methods as {@code class.method}, innermost first
		 * @return the component
		 */
		static Component of(String... names) {
			boolean any = false;
			for (String name : names) {
				if (name.isEmpty()) {
					continue;
				}
				any = true;
				if (!transparent(name)) {
					return owner(name);
				}
			}
			return any ? JDK : OTHER;
		}

		private static boolean transparent(String name) {
			for (String prefix : TRANSPARENT) {
				if (name.startsWith(prefix)) {
					return true;
				}
			}
			return false;
		}

		private static Component owner(String name) {
			if (name.startsWith(HARNESS)) {
				return OTHER;
			}
			for (Component component : values()) {
				for (String prefix : component.prefixes) {
					if (name.startsWith(prefix)) {
						return component;
					}
				}
			}
			return OTHER;
		}

	}

}
