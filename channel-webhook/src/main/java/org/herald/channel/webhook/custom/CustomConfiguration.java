package org.herald.channel.webhook.custom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CustomConfiguration {

    @Bean
    CustomFormat customFormat() {
        return new CustomFormat();
    }
}
