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

package io.github.deepseekstarter.samples.springai;

import io.github.deepseekstarter.identity.TenantExtractor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic with users in memory named {@code user@tenant}; the {@link TenantExtractor}
 * takes the part after the {@code @}, so colleagues share their tenant's {@code user_id}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		for (String name : new String[] { "alice@acme", "bob@acme", "carol@globex" }) {
			String password = name.substring(0, name.indexOf('@')) + "-password";
			users.createUser(User.withUsername(name).password("{noop}" + password).roles("USER").build());
		}
		return users;
	}

	@Bean
	TenantExtractor tenantExtractor() {
		return (authentication) -> {
			String name = authentication.getName();
			int at = name.indexOf('@');
			return (at >= 0) ? name.substring(at + 1) : null;
		};
	}

}
