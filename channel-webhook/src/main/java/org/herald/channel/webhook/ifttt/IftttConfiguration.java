package org.herald.channel.webhook.ifttt;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IftttConfiguration {

    @Bean
    IftttFormat iftttFormat() {
        return new IftttFormat();
    }
}
