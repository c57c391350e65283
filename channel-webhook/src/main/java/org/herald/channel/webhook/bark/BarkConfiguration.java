package org.herald.channel.webhook.bark;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BarkConfiguration {

    @Bean
    BarkFormat barkFormat() {
        return new BarkFormat();
    }
}
