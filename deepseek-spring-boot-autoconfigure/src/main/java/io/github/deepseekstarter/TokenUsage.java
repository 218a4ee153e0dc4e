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

package io.github.deepseekstarter;

/**
 * The tokens one call used, in the terms both protocols share.
 *
 * @param input prompt tokens
 * @param output generated tokens, reasoning included
 * @param cacheHit prompt tokens served from DeepSeek's context cache
 * @param cacheMiss prompt tokens not found in the cache
 * @param reasoning generated tokens of the chain of thought
 */
public record TokenUsage(int input, int output, int cacheHit, int cacheMiss, int reasoning) {

}
