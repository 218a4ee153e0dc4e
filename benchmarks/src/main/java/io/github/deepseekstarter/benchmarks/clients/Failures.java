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

package io.github.deepseekstarter.benchmarks.clients;

import io.github.deepseekstarter.DeepSeekApiException;
import org.jspecify.annotations.Nullable;

/**
 * Tells a server 429 from other failures across the clients' exception types.
 */
public final class Failures {

	private Failures() {
	}

	/**
	 * Whether the failure, or one of its causes, is an HTTP 429 from the server.
	 * @param failure the failure
	 * @return {@code true} for a 429
	 */
	public static boolean isRateLimited(Throwable failure) {
		for (Throwable current = failure; current != null; current = next(current)) {
			if (current instanceof HttpStatusException status && status.status() == 429) {
				return true;
			}
			if (current instanceof DeepSeekApiException api && api.status() == 429) {
				return true;
			}
			if (current instanceof com.openai.errors.RateLimitException
					|| current instanceof dev.langchain4j.exception.RateLimitException) {
				return true;
			}
			if (current instanceof com.openai.errors.OpenAIServiceException service && service.statusCode() == 429) {
				return true;
			}
			if (current instanceof dev.langchain4j.exception.HttpException http && http.statusCode() == 429) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Throwable next(Throwable current) {
		Throwable cause = current.getCause();
		return (cause != current) ? cause : null;
	}

}
