package org.herald.channel.webhook.gotify;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GotifyConfiguration {

    @Bean
    GotifyFormat gotifyFormat() {
        return new GotifyFormat();
    }
}
