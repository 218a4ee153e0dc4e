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

package io.github.deepseekstarter.samples.mvc;

import io.github.deepseekstarter.identity.TenantExtractor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic with users in memory, each in a tenant given by a {@code TENANT_<name>}
 * authority, and the {@link TenantExtractor} that tells the DeepSeek client which tenant
 * a caller belongs to: colleagues share a tenant, so they share its {@code user_id} and
 * its tenant lane.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String TENANT_PREFIX = "TENANT_";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	// Plain-text passwords keep the sample self-explanatory; a real application stores
	// hashes.
	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(user("alice", "acme"), user("bob", "acme"), user("carol", "globex"),
				user("dave", "initech"));
	}

	@Bean
	TenantExtractor tenantExtractor() {
		return (authentication) -> authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(TENANT_PREFIX))
			.map((authority) -> authority.substring(TENANT_PREFIX.length()))
			.findFirst()
			.orElse(null);
	}

	private static org.springframework.security.core.userdetails.UserDetails user(String name, String tenant) {
		return User.withUsername(name)
			.password("{noop}" + name + "-password")
			.authorities(TENANT_PREFIX + tenant)
			.build();
	}

}
