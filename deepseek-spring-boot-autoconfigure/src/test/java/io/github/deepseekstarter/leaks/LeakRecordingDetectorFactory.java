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
package io.github.deepseekstarter.leaks;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;

/**
 * Creates Netty's leak detectors so that every leak they find is recorded, not only
 * logged, for {@link NoLeakedBuffersExtension} to fail the test run on. Installed when
 * the test run starts, before Netty creates its first detector.
 */
final class LeakRecordingDetectorFactory extends ResourceLeakDetectorFactory {

	private static final List<String> leaks = new CopyOnWriteArrayList<>();

	private static final UnpooledByteBufAllocator PROBES = new UnpooledByteBufAllocator(true);

	private static final int COLLECTIONS = 3;

	private static final String LETTUCE_READ_BUFFER = "io.lettuce.core.protocol.CommandHandler.channelRegistered";

	@Override
	@SuppressWarnings("deprecation")
	public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
			long maxActive) {
		return new RecordingDetector<>(resource, samplingInterval);
	}

	/**
	 * Collects garbage until the leaks it reveals have been reported, and takes them.
	 * @return the leaks reported since the last call
	 * @throws InterruptedException when interrupted while waiting for the collector
	 */
	static List<String> collectLeaks() throws InterruptedException {
		for (int i = 0; i < COLLECTIONS; i++) {
			ReferenceQueue<Object> collected = new ReferenceQueue<>();
			PhantomReference<Object> canary = new PhantomReference<>(new Object(), collected);
			System.gc();
			// Once the canary is enqueued, the references this collection cleared,
			// the leaked buffers' among them, are enqueued as well.
			collected.remove(1000);
			canary.clear();
			// Netty looks for collected, unreleased buffers whenever it tracks a new one.
			ByteBuf probe = PROBES.directBuffer(1);
			probe.release();
		}
		List<String> taken = new ArrayList<>(leaks);
		leaks.removeAll(taken);
		return taken;
	}

	private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {

		RecordingDetector(Class<T> resource, int samplingInterval) {
			super(resource, samplingInterval);
		}

		@Override
		protected boolean needReport() {
			return true;
		}

		@Override
		protected void reportTracedLeak(String resourceType, String records) {
			if (records.contains(LETTUCE_READ_BUFFER)) {
				// Lettuce's own read buffer of a connection, freed when its
				// channel unregisters, which a connection the Redis tests tear
				// down abruptly may never do. It is logged; this project's own
				// buffers are what the check guards.
				super.reportTracedLeak(resourceType, records);
				return;
			}
			leaks.add(resourceType + " was garbage-collected before it was released. Recent access records:" + records);
			super.reportTracedLeak(resourceType, records);
		}

		@Override
		protected void reportUntracedLeak(String resourceType) {
			leaks.add(resourceType + " was garbage-collected before it was released.");
			super.reportUntracedLeak(resourceType);
		}

	}

}
