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

package io.github.deepseekstarter.test.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the most recent requests, without their secret headers, for test assertions.
 */
final class RequestRecorder {

	private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-api-key");

	private final int capacity;

	private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();

	private long sequence;

	RequestRecorder(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("Record limit must be at least 1, was " + capacity);
		}
		this.capacity = capacity;
	}

	RecordedRequest record(String method, String path, HttpHeaders headers, String body) {
		Map<String, List<String>> kept = new LinkedHashMap<>();
		for (Map.Entry<String, String> header : headers) {
			String name = header.getKey().toLowerCase(Locale.ROOT);
			if (!SECRET_HEADERS.contains(name)) {
				kept.computeIfAbsent(name, (key) -> new ArrayList<>()).add(header.getValue());
			}
		}
		kept.replaceAll((name, values) -> List.copyOf(values));
		JsonNode json = parse(body);
		synchronized (this) {
			RecordedRequest request = new RecordedRequest(++this.sequence, method, path, Map.copyOf(kept), json, body);
			if (this.requests.size() == this.capacity) {
				this.requests.pollFirst();
			}
			this.requests.addLast(request);
			return request;
		}
	}

	synchronized List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	synchronized void clear() {
		this.requests.clear();
		this.sequence = 0;
	}

	private static @Nullable JsonNode parse(String body) {
		if (body.isBlank()) {
			return null;
		}
		try {
			return Json.MAPPER.readTree(body);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
