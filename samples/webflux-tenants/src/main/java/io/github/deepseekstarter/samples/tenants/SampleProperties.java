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

package io.github.deepseekstarter.samples.tenants;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sample's own settings: its users and their tenants, the JWT key of the {@code jwt}
 * profile, and the simulated traffic of the {@code load} profile.
 */
@ConfigurationProperties("sample")
public class SampleProperties {

	/**
	 * Users by name, each with a password and a tenant.
	 */
	private final Map<String, UserAccount> users = new LinkedHashMap<>();

	/**
	 * Settings of the jwt profile.
	 */
	private final Jwt jwt = new Jwt();

	/**
	 * Settings of the load profile.
	 */
	private final Load load = new Load();

	public Map<String, UserAccount> getUsers() {
		return this.users;
	}

	public Jwt getJwt() {
		return this.jwt;
	}

	public Load getLoad() {
		return this.load;
	}

	/**
	 * A user of the sample.
	 */
	public static class UserAccount {

		/**
		 * Password, in plain text for the sample's sake.
		 */
		private String password = "";

		/**
		 * Tenant the user belongs to.
		 */
		private String tenant = "";

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public String getTenant() {
			return this.tenant;
		}

		public void setTenant(String tenant) {
			this.tenant = tenant;
		}

	}

	/**
	 * The jwt profile's tokens.
	 */
	public static class Jwt {

		/**
		 * HMAC-SHA256 key that signs and checks the tokens, at least 32 bytes.
		 */
		private String secret = "";

		/**
		 * How long an issued token is valid.
		 */
		private Duration validity = Duration.ofHours(1);

		public String getSecret() {
			return this.secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

		public Duration getValidity() {
			return this.validity;
		}

		public void setValidity(Duration validity) {
			this.validity = validity;
		}

	}

	/**
	 * The load profile's simulated traffic and the emulator it runs against.
	 */
	public static class Load {

		/**
		 * Time between two simulated calls.
		 */
		private Duration period = Duration.ofMillis(40);

		/**
		 * Maximum simulated calls in flight.
		 */
		private int maxInFlight = 60;

		/**
		 * Share of the simulated calls that go to deepseek-v4-pro, the rest to flash.
		 */
		private double proShare = 0.3;

		/**
		 * Concurrency limit the emulator enforces on deepseek-v4-pro.
		 */
		private int emulatorProLimit = 4;

		/**
		 * Concurrency limit the emulator enforces on deepseek-v4-flash.
		 */
		private int emulatorFlashLimit = 8;

		/**
		 * Time between two tokens of the emulator's answers.
		 */
		private Duration emulatorTokenInterval = Duration.ofMillis(40);

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			this.period = period;
		}

		public int getMaxInFlight() {
			return this.maxInFlight;
		}

		public void setMaxInFlight(int maxInFlight) {
			this.maxInFlight = maxInFlight;
		}

		public double getProShare() {
			return this.proShare;
		}

		public void setProShare(double proShare) {
			this.proShare = proShare;
		}

		public int getEmulatorProLimit() {
			return this.emulatorProLimit;
		}

		public void setEmulatorProLimit(int emulatorProLimit) {
			this.emulatorProLimit = emulatorProLimit;
		}

		public int getEmulatorFlashLimit() {
			return this.emulatorFlashLimit;
		}

		public void setEmulatorFlashLimit(int emulatorFlashLimit) {
			this.emulatorFlashLimit = emulatorFlashLimit;
		}

		public Duration getEmulatorTokenInterval() {
			return this.emulatorTokenInterval;
		}

		public void setEmulatorTokenInterval(Duration emulatorTokenInterval) {
			this.emulatorTokenInterval = emulatorTokenInterval;
		}

	}

}
