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

package io.github.deepseekstarter.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

/**
 * The bytes of one body cut into reads, each its own reference-counted Netty buffer as
 * the connection hands them out, so that a test can tell which reads the decoder
 * released.
 */
final class Reads {

	private static final UnpooledByteBufAllocator ALLOCATOR = new UnpooledByteBufAllocator(true);

	private static final NettyDataBufferFactory FACTORY = new NettyDataBufferFactory(ALLOCATOR);

	private final List<ByteBuf> buffers = new ArrayList<>();

	private final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

	private final String cuts;

	private Reads(byte[] bytes, TreeSet<Integer> cutPoints, String how) {
		int start = 0;
		for (int end : cutPoints) {
			add(bytes, start, end);
			start = end;
		}
		add(bytes, start, bytes.length);
		this.cuts = how + " into " + this.buffers.size() + " reads";
	}

	/**
	 * Cuts a body at random: every byte apart, at a random share of the positions, at
	 * most of the positions that split a CRLF, a character or a field name, or in a few
	 * large reads.
	 * @param wire the body
	 * @param random the source of the choices
	 * @return the reads
	 */
	static Reads cut(GeneratedWire wire, SplittableRandom random) {
		int length = wire.bytes().length;
		TreeSet<Integer> cuts = new TreeSet<>();
		String how;
		switch (random.nextInt(4)) {
			case 0 -> {
				how = "byte by byte";
				for (int i = 1; i < length; i++) {
					cuts.add(i);
				}
			}
			case 1 -> {
				double share = random.nextDouble(0.01, 0.5);
				how = "at " + Math.round(share * 100) + " % of the positions";
				for (int i = 1; i < length; i++) {
					if (random.nextDouble() < share) {
						cuts.add(i);
					}
				}
			}
			case 2 -> {
				how = "inside CRLFs, characters and field names";
				for (int cut : wire.trickyCuts()) {
					if (random.nextInt(4) > 0) {
						cuts.add(cut);
					}
				}
			}
			default -> {
				how = "in a few large reads";
				for (int i = random.nextInt(4); i > 0 && length > 1; i--) {
					cuts.add(random.nextInt(1, length));
				}
			}
		}
		return new Reads(wire.bytes(), cuts, how);
	}

	/**
	 * The whole body as a single read.
	 * @param wire the body
	 * @return the read
	 */
	static Reads whole(GeneratedWire wire) {
		return new Reads(wire.bytes(), new TreeSet<>(), "whole");
	}

	private void add(byte[] bytes, int start, int end) {
		if (end > start) {
			this.buffers.add(ALLOCATOR.directBuffer(end - start).writeBytes(bytes, start, end - start));
		}
	}

	/**
	 * The reads as the connection emits them; each read is marked as handed out when the
	 * decoder receives it.
	 * @param connection the thread the reads arrive on, or {@code null} for the
	 * subscriber's
	 * @return the body
	 */
	Flux<DataBuffer> flux(@Nullable Scheduler connection) {
		Flux<Integer> reads = Flux.range(0, this.buffers.size());
		if (connection != null) {
			reads = reads.publishOn(connection, 1);
		}
		return reads.<DataBuffer>map((index) -> {
			this.handedOut.add(index);
			return FACTORY.wrap(this.buffers.get(index));
		})
			// A connection pushes its reads: none is decoded on demand by operator
			// fusion.
			.hide();
	}

	/**
	 * Reads the decoder received and did not release.
	 * @return the unreleased reads
	 */
	List<ByteBuf> unreleased() {
		return IntStream.range(0, this.buffers.size())
			.filter((index) -> this.handedOut.contains(index) && this.buffers.get(index).refCnt() > 0)
			.mapToObj(this.buffers::get)
			.toList();
	}

	/**
	 * Releases the reads the decoder never received (those left behind by a cancel).
	 */
	void releaseRest() {
		IntStream.range(0, this.buffers.size())
			.filter((index) -> !this.handedOut.contains(index))
			.forEach((index) -> this.buffers.get(index).release());
	}

	@Override
	public String toString() {
		return this.cuts;
	}

}
