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

package io.github.deepseekstarter.testing;

import java.lang.reflect.Method;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Allows the bounded, one-time critical sections of libraries under test: Netty 4.2's
 * adaptive buffer allocator briefly locks when it grows its magazines, and Jackson locks
 * its caches while it builds a (de)serializer for a type seen for the first time, and
 * Lettuce's endpoint makes a command's writer wait while a connection changes state (a
 * reconnect, a node failing its queued commands) or holds it to change that state, and
 * its cluster provider locks its connections by slot while a topology refresh replaces
 * them. None is a blocking call of this project's code.
 */
public class LibraryLocksBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
				"tryExpandMagazines");
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
				"_createAndCacheValueDeserializer");
		builder.allowBlockingCallsInside("tools.jackson.databind.ser.SerializerCache",
				"addAndResolveNonTypedSerializer");
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "doExclusive");
		allowClusterConnectionLookups(builder);
	}

	/**
	 * Lettuce's cluster connection provider takes its state lock to look a slot's
	 * connection up, in its own methods and in the continuations it chains to a
	 * connection being opened, while a topology refresh swaps the partitions under the
	 * same lock. Those methods are private and their lambdas numbered differently from
	 * one version to the next, so they are found by name.
	 */
	private static void allowClusterConnectionLookups(BlockHound.Builder builder) {
		String provider = "io.lettuce.core.cluster.PooledClusterConnectionProvider";
		Class<?> type;
		try {
			type = Class.forName(provider, false, LibraryLocksBlockHoundIntegration.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			return;
		}
		for (Method method : type.getDeclaredMethods()) {
			String name = method.getName();
			if (name.contains("getWriteConnection") || name.contains("getReadConnection")) {
				builder.allowBlockingCallsInside(provider, name);
			}
		}
	}

}
