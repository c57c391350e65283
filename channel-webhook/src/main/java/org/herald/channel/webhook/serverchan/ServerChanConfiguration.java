package org.herald.channel.webhook.serverchan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ServerChanConfiguration {

    @Bean
    ServerChanFormat serverChanFormat() {
        return new ServerChanFormat();
    }
}
