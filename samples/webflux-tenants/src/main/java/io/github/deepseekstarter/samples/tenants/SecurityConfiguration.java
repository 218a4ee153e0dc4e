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

import java.nio.charset.StandardCharsets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.github.deepseekstarter.identity.TenantExtractor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may call what. The dashboard, its static files and reading the actuator are open;
 * chatting needs a signed-in user. By default users sign in with HTTP Basic and a
 * {@link TenantExtractor} maps each to the tenant of {@code sample.users}; with the
 * {@code jwt} profile they exchange their password for a JWT at {@code POST /token} and
 * call with it, and the tenant comes from its {@code tenant_id} claim
 * ({@code deepseek.user-id.claim}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// Plain-text passwords keep the sample self-explanatory; a real application stores
	// hashes.
	@Bean
	MapReactiveUserDetailsService users(SampleProperties properties) {
		return new MapReactiveUserDetailsService(properties.getUsers()
			.entrySet()
			.stream()
			.map((user) -> User.withUsername(user.getKey())
				.password("{noop}" + user.getValue().getPassword())
				.roles("USER")
				.build())
			.toArray(UserDetails[]::new));
	}

	static ServerHttpSecurity authorize(ServerHttpSecurity http) {
		return http
			.authorizeExchange(
					(exchanges) -> exchanges
						.pathMatchers(HttpMethod.GET, "/", "/index.html", "/dashboard.js", "/charts.js",
								"/dashboard.css", "/favicon.ico", "/actuator/**")
						.permitAll()
						.anyExchange()
						.authenticated())
			.csrf(ServerHttpSecurity.CsrfSpec::disable);
	}

	@Configuration(proxyBeanMethods = false)
	@Profile("!jwt")
	static class BasicSecurityConfiguration {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return authorize(http).httpBasic(Customizer.withDefaults()).build();
		}

		@Bean
		TenantExtractor tenantExtractor(SampleProperties properties) {
			return (authentication) -> {
				SampleProperties.UserAccount user = properties.getUsers().get(authentication.getName());
				return (user != null) ? user.getTenant() : null;
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Profile("jwt")
	static class JwtSecurityConfiguration {

		@Bean
		@Order(0)
		SecurityWebFilterChain tokenSecurityWebFilterChain(ServerHttpSecurity http) {
			return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/token"))
				.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.httpBasic(Customizer.withDefaults())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

		@Bean
		@Order(1)
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return authorize(http).oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults())).build();
		}

		@Bean
		ReactiveJwtDecoder jwtDecoder(SampleProperties properties) {
			return NimbusReactiveJwtDecoder.withSecretKey(key(properties)).macAlgorithm(MacAlgorithm.HS256).build();
		}

		@Bean
		JwtEncoder jwtEncoder(SampleProperties properties) {
			return new NimbusJwtEncoder(new ImmutableSecret<>(key(properties)));
		}

		private static SecretKey key(SampleProperties properties) {
			return new SecretKeySpec(properties.getJwt().getSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		}

	}

}
