package org.herald.channel.webhook.hiflow;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HiflowConfiguration {

    @Bean
    HiflowFormat hiflowFormat() {
        return new HiflowFormat();
    }
}
