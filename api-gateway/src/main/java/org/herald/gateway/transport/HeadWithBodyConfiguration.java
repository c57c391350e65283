package org.herald.gateway.transport;

import io.netty.channel.Channel;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * {@link HeadWithBody} on both of the gateway's kinds of connection: from callers, for the answers it
 * relays, and to backends, for the requests it forwards.
 */
@Configuration(proxyBeanMethods = false)
class HeadWithBodyConfiguration {

    private static final String NAME = "herald.headWithBody";

    @Bean
    NettyServerCustomizer headWithBodyToCallers() {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> install(channel));
    }

    @Bean
    HttpClientCustomizer headWithBodyToBackends() {
        return client -> client.doOnChannelInit((observer, channel, remoteAddress) -> install(channel));
    }

    /** Right after the HTTP codec, so the handler sees HTTP messages rather than encoded bytes. */
    private static void install(Channel channel) {
        if (channel.pipeline().get(NettyPipeline.HttpCodec) != null
                && channel.pipeline().get(NAME) == null) {
            channel.pipeline().addAfter(NettyPipeline.HttpCodec, NAME, new HeadWithBody());
        }
    }
}
