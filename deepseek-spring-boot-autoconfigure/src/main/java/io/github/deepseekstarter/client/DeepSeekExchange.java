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

package io.github.deepseekstarter.client;

import java.util.function.Consumer;

import io.github.deepseekstarter.DeepSeekException;
import io.github.deepseekstarter.DeepSeekPropertyNames;
import io.github.deepseekstarter.DeepSeekResponseTooLargeException;
import io.github.deepseekstarter.DeepSeekServerQueueTimeoutException;
import io.github.deepseekstarter.DeepSeekTransportException;
import io.github.deepseekstarter.protocol.KeepAliveAwareDecoder;
import io.github.deepseekstarter.protocol.ResponseProgress;
import io.github.deepseekstarter.protocol.ServerSentEvent;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * One HTTP exchange with DeepSeek, whatever the protocol: sends a JSON body, maps error
 * statuses to typed exceptions, decodes the body keep-alive aware and tells a
 * server-queue timeout from a transport failure.
 */
final class DeepSeekExchange {

	private static final String POOL_ACQUIRE_TIMEOUT = "reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException";

	private final WebClient webClient;

	private final DeepSeekTimeouts timeouts;

	private final DeepSeekResponseLimits limits;

	DeepSeekExchange(WebClient webClient, DeepSeekTimeouts timeouts, DeepSeekResponseLimits limits) {
		this.webClient = webClient;
		this.timeouts = timeouts;
		this.limits = limits;
		PreInferenceDeadline.start();
	}

	/**
	 * Posts a body and reads a JSON answer that may be preceded by blank lines.
	 * @param path the path below the base URL
	 * @param body the serialized request
	 * @param progress records keep-alives and the first real byte
	 * @param failed told of the error the exchange ends with, as the caller gets it
	 * @return the JSON text's UTF-8 bytes
	 */
	Mono<byte[]> postForJson(String path, byte[] body, ResponseProgress progress, Consumer<Throwable> failed) {
		return this.webClient.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			// A constant text: accept(MediaType...) formats the list on every call.
			.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.body(json(body))
			// No client pre-inference timer here: a JSON answer shows no sign of
			// inference starting until it is complete, so only DeepSeek's own close (or
			// the idle timeout) ends a queued non-streamed call.
			.exchangeToMono((response) -> json(response, progress))
			.onErrorMap((ex) -> {
				Throwable failure = failure(ex, progress, false);
				failed.accept(failure);
				return failure;
			});
	}

	/**
	 * Posts a body and reads a server-sent event stream that may carry keep-alive
	 * comments.
	 * @param path the path below the base URL
	 * @param body the serialized request
	 * @param progress records keep-alives and the first real byte
	 * @return the events with data; errors after the first event are left to the caller,
	 * which knows what partial output means for its protocol
	 */
	Flux<ServerSentEvent> postForEvents(String path, byte[] body, ResponseProgress progress) {
		return this.webClient.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE)
			.body(json(body))
			.exchangeToFlux((response) -> isError(response) ? DeepSeekExchange.<ServerSentEvent>error(response).flux()
					: KeepAliveAwareDecoder
						.events(response.bodyToFlux(DataBuffer.class), progress,
								(int) this.limits.maxEventSize().toBytes())
						.switchIfEmpty(Flux.error(() -> closedBeforeInference(progress))))
			.transform(PreInferenceDeadline.of(this.timeouts.preInference(), progress,
					() -> preInferenceExpired(progress)))
			.onErrorMap((ex) -> failure(ex, progress, true));
	}

	/**
	 * Reads a JSON resource with {@code GET}.
	 * @param path the path below the base URL
	 * @return the JSON text's UTF-8 bytes
	 */
	Mono<byte[]> get(String path) {
		ResponseProgress progress = new ResponseProgress();
		return this.webClient.get()
			.uri(path)
			.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.exchangeToMono((response) -> json(response, progress))
			.onErrorMap((ex) -> failure(ex, progress, false));
	}

	/**
	 * Writes the serialized body as it is: the codecs' search for a writer of
	 * {@code byte[]} and their encoder add nothing to bytes that are already JSON.
	 */
	private static BodyInserter<byte[], ReactiveHttpOutputMessage> json(byte[] body) {
		return (message, context) -> {
			message.getHeaders().setContentLength(body.length);
			return message.writeWith(Mono.fromSupplier(() -> message.bufferFactory().wrap(body)));
		};
	}

	private Mono<byte[]> json(ClientResponse response, ResponseProgress progress) {
		return isError(response) ? error(response) : KeepAliveAwareDecoder
			.jsonBytes(response.bodyToFlux(DataBuffer.class), progress, (int) this.limits.maxBodySize().toBytes())
			.switchIfEmpty(Mono.error(() -> closedBeforeInference(progress)))
			.flatMap(DeepSeekExchange::unlessErrorEnvelope);
	}

	/**
	 * DeepSeek may answer 200 with an error envelope instead of the answer: it is the
	 * error its type names, never a success.
	 */
	private static Mono<byte[]> unlessErrorEnvelope(byte[] json) {
		DeepSeekException error = ErrorMapper.fromEnvelope(json);
		return (error != null) ? Mono.error(error) : Mono.just(json);
	}

	/**
	 * What an error of the exchange is to the caller: a body or event over its limit
	 * names the property to raise, an error of DeepSeek stays as it is, anything else is
	 * a transport failure.
	 */
	private Throwable failure(Throwable ex, ResponseProgress progress, boolean stream) {
		if (ex instanceof DataBufferLimitException tooLarge) {
			return stream ? eventTooLarge(tooLarge) : bodyTooLarge(tooLarge);
		}
		return (ex instanceof DeepSeekException) ? ex : transportFailure(ex, progress);
	}

	private DeepSeekException eventTooLarge(DataBufferLimitException ex) {
		return new DeepSeekResponseTooLargeException(
				"An event of DeepSeek's stream exceeded " + this.limits.maxEventSize().toBytes() + " bytes; raise "
						+ DeepSeekPropertyNames.RESPONSE_MAX_EVENT_SIZE,
				this.limits.maxEventSize(), ex);
	}

	private DeepSeekException bodyTooLarge(DataBufferLimitException ex) {
		return new DeepSeekResponseTooLargeException("DeepSeek's answer exceeded " + this.limits.maxBodySize().toBytes()
				+ " bytes; raise " + DeepSeekPropertyNames.RESPONSE_MAX_BODY_SIZE, this.limits.maxBodySize(), ex);
	}

	private static boolean isError(ClientResponse response) {
		return response.statusCode().isError();
	}

	private static <T> Mono<T> error(ClientResponse response) {
		String retryAfter = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		int status = response.statusCode().value();
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.flatMap((body) -> Mono.error(ErrorMapper.toException(status, body, retryAfter)));
	}

	private static DeepSeekException closedBeforeInference(ResponseProgress progress) {
		return new DeepSeekServerQueueTimeoutException(progress.keepAlives(), progress.elapsed(), true);
	}

	private static DeepSeekException preInferenceExpired(ResponseProgress progress) {
		return new DeepSeekServerQueueTimeoutException(progress.keepAlives(), progress.elapsed(), false);
	}

	private DeepSeekException transportFailure(Throwable ex, ResponseProgress progress) {
		if (isIdleTimeout(ex)) {
			return new DeepSeekTransportException("No byte arrived from DeepSeek for " + this.timeouts.idle().toMillis()
					+ " ms, not even a keep-alive; raise " + DeepSeekPropertyNames.TIMEOUTS_IDLE
					+ " if the network is that slow", withoutRequest(ex));
		}
		if (!progress.started() && progress.keepAlives() > 0) {
			return new DeepSeekServerQueueTimeoutException(progress.keepAlives(), progress.elapsed(), true);
		}
		if (causedBy(ex, POOL_ACQUIRE_TIMEOUT)) {
			return new DeepSeekTransportException("No connection to DeepSeek became free in the pool in time; raise "
					+ DeepSeekPropertyNames.POOL_MAX_CONNECTIONS + " or "
					+ DeepSeekPropertyNames.POOL_PENDING_ACQUIRE_TIMEOUT, null);
		}
		Throwable cause = withoutRequest(ex);
		String what = (ex instanceof WebClientRequestException) ? "The request to DeepSeek failed"
				: "The connection to DeepSeek failed";
		return new DeepSeekTransportException(what + ": " + cause.getClass().getSimpleName()
				+ ((cause.getMessage() != null) ? " (" + cause.getMessage() + ")" : ""), cause);
	}

	/**
	 * A WebClientRequestException keeps a copy of the request headers, the Authorization
	 * header with the API key among them: only its cause may travel on in an exception
	 * the application sees.
	 */
	private static Throwable withoutRequest(Throwable ex) {
		return (ex instanceof WebClientRequestException && ex.getCause() != null) ? ex.getCause() : ex;
	}

	private static boolean isIdleTimeout(Throwable ex) {
		return causedBy(ex, ReadTimeoutException.class.getName());
	}

	private static boolean causedBy(Throwable ex, String className) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getName().equals(className)) {
				return true;
			}
		}
		return false;
	}

}
