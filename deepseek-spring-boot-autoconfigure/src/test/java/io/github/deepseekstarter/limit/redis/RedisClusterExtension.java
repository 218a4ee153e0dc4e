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

package io.github.deepseekstarter.limit.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.data.redis.connection.RedisClusterConfiguration;

/**
 * Starts a Redis Cluster of three masters for each test: three {@code redis-server
 * --cluster-enabled yes} processes on free ports (the binary {@link RedisServerExtension}
 * runs), each given a third of the hash slots and joined with {@code CLUSTER MEET}, then
 * waits until every node reports {@code cluster_state:ok}. Each node keeps its cluster
 * configuration in a temporary directory, so a killed node restarted rejoins with its
 * slots (and without its data, as a crash without persistence would).
 */
public final class RedisClusterExtension implements BeforeEachCallback, AfterEachCallback {

	private static final int SLOTS = 16384;

	private static final Duration FORMING = Duration.ofSeconds(20);

	private final List<RedisServerExtension> nodes = new ArrayList<>();

	private @Nullable Path directory;

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		Path directory = Files.createTempDirectory("redis-cluster");
		this.directory = directory;
		for (int i = 0; i < 3; i++) {
			RedisServerExtension node = new RedisServerExtension(
					List.of("--cluster-enabled", "yes", "--cluster-config-file",
							directory.resolve("nodes-" + i + ".conf").toString(), "--cluster-node-timeout", "15000"));
			this.nodes.add(node);
			node.startOnFreePort();
		}
		for (int i = 0; i < 3; i++) {
			int first = i * SLOTS / 3;
			int last = (i + 1) * SLOTS / 3 - 1;
			// ADDSLOTS rather than ADDSLOTSRANGE, which older servers do not know.
			StringBuilder slots = new StringBuilder("CLUSTER ADDSLOTS");
			for (int slot = first; slot <= last; slot++) {
				slots.append(' ').append(slot);
			}
			expectOk(this.nodes.get(i).command(slots.toString()));
		}
		for (int i = 1; i < 3; i++) {
			expectOk(this.nodes.get(0).command("CLUSTER MEET 127.0.0.1 " + this.nodes.get(i).port()));
		}
		awaitFormed();
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		this.nodes.forEach(RedisServerExtension::kill);
		this.nodes.clear();
		Path directory = this.directory;
		if (directory != null) {
			try (Stream<Path> files = Files.walk(directory)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	/**
	 * Waits until every node sees the whole cluster with every slot served.
	 */
	public void awaitFormed() {
		Awaitility.await("a Redis Cluster of three masters")
			.atMost(FORMING)
			.pollInterval(Duration.ofMillis(50))
			.ignoreExceptions()
			.until(() -> {
				for (RedisServerExtension node : this.nodes) {
					String info = node.bulk("CLUSTER INFO");
					if (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:3")) {
						return false;
					}
				}
				return true;
			});
	}

	/**
	 * Returns the three master nodes.
	 * @return the nodes, in the order of their slots
	 */
	public List<RedisServerExtension> nodes() {
		return List.copyOf(this.nodes);
	}

	/**
	 * Returns the node that serves a key.
	 * @param key the key
	 * @return the node holding the key's slot
	 * @throws IOException if the first node does not answer
	 */
	public RedisServerExtension nodeOf(String key) throws IOException {
		String answer = this.nodes.get(0).command("CLUSTER KEYSLOT " + key);
		int slot = Integer.parseInt(answer.substring(1));
		int node = 0;
		while (slot > (node + 1) * SLOTS / 3 - 1) {
			node++;
		}
		return this.nodes.get(node);
	}

	/**
	 * Returns the configuration a client needs to reach the cluster.
	 * @return the seed nodes
	 */
	public RedisClusterConfiguration configuration() {
		RedisClusterConfiguration configuration = new RedisClusterConfiguration();
		for (RedisServerExtension node : this.nodes) {
			configuration.clusterNode("127.0.0.1", node.port());
		}
		return configuration;
	}

	private static void expectOk(String answer) {
		if (!"+OK".equals(answer)) {
			throw new IllegalStateException("Redis Cluster setup answered " + answer);
		}
	}

}
