package org.herald.gateway.limit;

import org.herald.gateway.GatewayFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@code herald.gateway.max-body-bytes} with 413 on every path. A declared
 * Content-Length is judged before reading; a streamed (chunked) body is collected up to the limit first,
 * because refusing it half way would leave a backend with a truncated request it might act on.
 */
@Component
public class BodySizeLimitFilter implements WebFilter, Ordered {

    private final int maxBytes;

    BodySizeLimitFilter(BodyLimitProperties properties) {
        this.maxBytes = (int) properties.maxBodyBytes();
    }

    @Override
    public int getOrder() {
        return GatewayFilterOrder.BODY_SIZE_LIMIT;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(new BodyTooLargeException(maxBytes));
        }
        if (declared >= 0 || request.getHeaders().getFirst(HttpHeaders.TRANSFER_ENCODING) == null) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .onErrorMap(DataBufferLimitException.class, tooMuch -> new BodyTooLargeException(maxBytes))
                .map(BodySizeLimitFilter::copyAndRelease)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> chain.filter(exchange.mutate()
                        .request(new CollectedBody(request, body))
                        .build()));
    }

    // A heap copy needs no release however often (or never) the body is read downstream.
    static byte[] copyAndRelease(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
