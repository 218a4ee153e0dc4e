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

package io.github.deepseekstarter.limit;

import io.github.deepseekstarter.DeepSeekException;
import io.github.deepseekstarter.DeepSeekPropertyNames;

/**
 * Signalled when a request cannot get a permit within the queue's bounds; nothing was
 * sent to DeepSeek.
 */
public class LaneRejectedException extends DeepSeekException {

	private final String lane;

	private final Reason reason;

	/**
	 * Creates an exception whose message names the bound that was hit and the property
	 * that raises it.
	 * @param lane the lane that rejected the request
	 * @param reason why it was rejected
	 * @param detail what the lane looked like when it rejected
	 */
	public LaneRejectedException(String lane, Reason reason, String detail) {
		super("DeepSeek lane '" + lane + "' rejected the request: " + detail + "; " + reason.advice);
		this.lane = lane;
		this.reason = reason;
	}

	/**
	 * Creates the rejection of a lane in the given state.
	 * @param lane the lane when it rejected the request
	 * @param reason why it was rejected
	 * @return the exception
	 */
	static LaneRejectedException of(LaneSnapshot lane, Reason reason) {
		String detail = switch (reason) {
			case QUEUE_FULL -> "all " + lane.effectiveLimit() + " permits are in use and " + lane.queued()
					+ " requests already wait (" + DeepSeekPropertyNames.QUEUE_MAX_SIZE + ")";
			case QUEUE_TIMEOUT -> "no permit was free within the maximum wait (" + DeepSeekPropertyNames.QUEUE_MAX_WAIT
					+ "), with " + lane.inUse() + " of " + lane.effectiveLimit() + " permits in use";
		};
		return new LaneRejectedException(lane.lane(), reason, detail);
	}

	/**
	 * Returns the lane that rejected the request.
	 * @return the lane name
	 */
	public String lane() {
		return this.lane;
	}

	/**
	 * Returns why the request was rejected.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * The bound a rejected request hit.
	 */
	public enum Reason {

		/**
		 * The lane was full and its queue held {@code deepseek.queue.max-size} waiters.
		 */
		QUEUE_FULL(DeepSeekPropertyNames.QUEUE_MAX_SIZE,
				"raise " + DeepSeekPropertyNames.QUEUE_MAX_SIZE + " or the lane's limit ("
						+ DeepSeekPropertyNames.LIMITS_MODELS + ".<model>)"),

		/**
		 * The request waited {@code deepseek.queue.max-wait} without getting a permit.
		 */
		QUEUE_TIMEOUT(DeepSeekPropertyNames.QUEUE_MAX_WAIT, "raise " + DeepSeekPropertyNames.QUEUE_MAX_WAIT
				+ " or the lane's limit (" + DeepSeekPropertyNames.LIMITS_MODELS + ".<model>)");

		private final String property;

		private final String advice;

		Reason(String property, String advice) {
			this.property = property;
			this.advice = advice;
		}

		/**
		 * Returns the property whose bound was hit.
		 * @return the property name
		 */
		public String property() {
			return this.property;
		}

	}

}
