package org.herald.gateway.limit;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Flux;

/** A request whose body was read by the gateway; the backend still receives the same bytes. */
final class CollectedBody extends ServerHttpRequestDecorator {

    private final byte[] body;

    CollectedBody(ServerHttpRequest delegate, byte[] body) {
        super(delegate);
        this.body = body;
    }

    byte[] bytes() {
        return body;
    }

    @Override
    public Flux<DataBuffer> getBody() {
        return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
    }
}
