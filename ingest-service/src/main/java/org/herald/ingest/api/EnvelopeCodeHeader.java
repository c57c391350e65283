package org.herald.ingest.api;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Copies the pushplus code of every envelope answer into the {@code X-Herald-Code} header. Answers are
 * HTTP 200 whatever the outcome (pushplus does so), and the gateway must see an invalid token (903)
 * without parsing bodies to block addresses that keep guessing. The gateway removes the header again.
 * Applies to controllers and exception handlers alike.
 */
@RestControllerAdvice
class EnvelopeCodeHeader implements ResponseBodyAdvice<Object> {

    static final String HEADER = "X-Herald-Code";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof Envelope envelope) {
            response.getHeaders().set(HEADER, Integer.toString(envelope.code()));
        }
        return body;
    }
}
