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

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's deterministic tokenizer: one token per word with its leading whitespace,
 * so joining the tokens gives back the text.
 */
final class Tokens {

	private static final Pattern WORD = Pattern.compile("\\s*\\S+");

	private Tokens() {
	}

	static List<String> split(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = WORD.matcher(text);
		int end = 0;
		while (matcher.find()) {
			tokens.add(matcher.group());
			end = matcher.end();
		}
		if (end < text.length()) {
			String tail = text.substring(end);
			if (tokens.isEmpty()) {
				tokens.add(tail);
			}
			else {
				tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + tail);
			}
		}
		return tokens;
	}

	static int count(String text) {
		return Math.max(1, split(text).size());
	}

}
