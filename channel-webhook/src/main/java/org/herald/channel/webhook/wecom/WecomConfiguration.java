package org.herald.channel.webhook.wecom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WecomConfiguration {

    @Bean
    WecomRobotFormat wecomRobotFormat() {
        return new WecomRobotFormat();
    }
}
