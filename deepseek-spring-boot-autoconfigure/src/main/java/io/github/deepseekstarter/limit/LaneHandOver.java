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

/**
 * The hand-over loop of a lane: a drain runs in the thread whose call freed room, before
 * that call returns, and a drain asked for while the thread already runs one (a body that
 * completes or fails at once releases its permit while it is handed over) makes the
 * running loop take another turn instead of recursing. Threads drain concurrently.
 */
final class LaneHandOver {

	private final ThreadLocal<Loop> loops = ThreadLocal.withInitial(Loop::new);

	private final Runnable turn;

	/**
	 * Creates the loop of a lane.
	 * @param turn grants what the lane has room for and hands it over
	 */
	LaneHandOver(Runnable turn) {
		this.turn = turn;
	}

	/**
	 * Runs turns in the calling thread until no turn was asked for during the last one,
	 * or asks the loop this thread already runs for another turn.
	 */
	void drain() {
		Loop loop = this.loops.get();
		if (loop.running) {
			loop.again = true;
			return;
		}
		loop.running = true;
		try {
			do {
				loop.again = false;
				this.turn.run();
			}
			while (loop.again);
		}
		finally {
			loop.running = false;
		}
	}

	/**
	 * The state of the loop of one thread.
	 */
	private static final class Loop {

		private boolean running;

		private boolean again;

	}

}
