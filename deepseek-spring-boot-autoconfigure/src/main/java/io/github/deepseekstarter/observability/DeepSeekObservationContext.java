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

package io.github.deepseekstarter.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.deepseekstarter.TokenUsage;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The data of one call's observation: what is known when it starts, and what the answer
 * told while it ran. A {@link DeepSeekObservationConvention} names its key values. Holds
 * prompt and completion content only when content recording was switched on, in its
 * {@link #getConversation() conversation}.
 */
public class DeepSeekObservationContext extends Observation.Context {

	private final CallInfo call;

	private final String serverAddress;

	private final int serverPort;

	private volatile @Nullable String responseId;

	private volatile @Nullable String responseModel;

	private final List<String> finishReasons = new ArrayList<>();

	private volatile @Nullable TokenUsage usage;

	private volatile @Nullable Duration timeToFirstChunk;

	private volatile int keepAlives;

	private volatile boolean cancelled;

	private final @Nullable ConversationRecorder conversation;

	/**
	 * Creates the context of a call that records no content.
	 * @param call what is known of the call when it starts
	 * @param serverAddress the host the call is sent to
	 * @param serverPort the port the call is sent to
	 */
	public DeepSeekObservationContext(CallInfo call, String serverAddress, int serverPort) {
		this(call, serverAddress, serverPort, null);
	}

	/**
	 * Creates the context of a call.
	 * @param call what is known of the call when it starts
	 * @param serverAddress the host the call is sent to
	 * @param serverPort the port the call is sent to
	 * @param conversation where the call's conversation is recorded, or {@code null} to
	 * record no content
	 */
	public DeepSeekObservationContext(CallInfo call, String serverAddress, int serverPort,
			@Nullable ConversationRecorder conversation) {
		this.call = call;
		this.serverAddress = serverAddress;
		this.serverPort = serverPort;
		this.conversation = conversation;
	}

	/**
	 * The call's conversation: system instructions, the messages sent and the answer.
	 * @return the recorder, or {@code null} when content is not recorded
	 */
	public @Nullable ConversationRecorder getConversation() {
		return this.conversation;
	}

	/**
	 * What is known of the call when it starts.
	 * @return the call
	 */
	public CallInfo getCall() {
		return this.call;
	}

	/**
	 * The host the call is sent to.
	 * @return the host
	 */
	public String getServerAddress() {
		return this.serverAddress;
	}

	/**
	 * The port the call is sent to.
	 * @return the port
	 */
	public int getServerPort() {
		return this.serverPort;
	}

	/**
	 * The completion's id, once the answer told it.
	 * @return the id, or {@code null}
	 */
	public @Nullable String getResponseId() {
		return this.responseId;
	}

	/**
	 * The model that answered, once the answer told it.
	 * @return the model, or {@code null}
	 */
	public @Nullable String getResponseModel() {
		return this.responseModel;
	}

	/**
	 * Why generation stopped, one reason per choice, in the protocol's words.
	 * @return the reasons, empty until known
	 */
	public synchronized List<String> getFinishReasons() {
		return List.copyOf(this.finishReasons);
	}

	/**
	 * The tokens the server reported.
	 * @return the usage, or {@code null} when none was reported
	 */
	public @Nullable TokenUsage getUsage() {
		return this.usage;
	}

	/**
	 * For a stream, the time from the call's start to its first chunk.
	 * @return the time, or {@code null} for a call that is not streamed or got no chunk
	 */
	public @Nullable Duration getTimeToFirstChunk() {
		return this.timeToFirstChunk;
	}

	/**
	 * The keep-alives received while DeepSeek queued the call.
	 * @return the count
	 */
	public int getKeepAlives() {
		return this.keepAlives;
	}

	/**
	 * Whether the subscriber cancelled the call.
	 * @return whether cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	synchronized void addDetails(ResponseDetails details) {
		if (this.responseId == null && details.id() != null) {
			this.responseId = details.id();
		}
		if (this.responseModel == null && details.model() != null) {
			this.responseModel = details.model();
		}
		this.finishReasons.addAll(details.finishReasons());
	}

	void setUsage(TokenUsage usage) {
		this.usage = usage;
	}

	void setTimeToFirstChunk(Duration timeToFirstChunk) {
		this.timeToFirstChunk = timeToFirstChunk;
	}

	void setKeepAlives(int keepAlives) {
		this.keepAlives = keepAlives;
	}

	void setCancelled(boolean cancelled) {
		this.cancelled = cancelled;
	}

}
