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

import java.time.Instant;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /token} of the {@code jwt} profile: a user signed in with HTTP Basic gets a
 * JWT whose {@code tenant_id} claim names the user's tenant, signed with the local key,
 * so the profile runs without an authorization server.
 */
@RestController
@Profile("jwt")
class TokenController {

	private final JwtEncoder encoder;

	private final SampleProperties properties;

	TokenController(JwtEncoder encoder, SampleProperties properties) {
		this.encoder = encoder;
		this.properties = properties;
	}

	@PostMapping("/token")
	Mono<Map<String, String>> token(Authentication authentication) {
		SampleProperties.UserAccount user = this.properties.getUsers().get(authentication.getName());
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject(authentication.getName())
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.getJwt().getValidity()))
			.claim("tenant_id", (user != null) ? user.getTenant() : "")
			.build();
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return Mono.just(Map.of("access_token", token, "token_type", "Bearer"));
	}

}
