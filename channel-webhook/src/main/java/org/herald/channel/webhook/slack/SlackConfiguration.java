package org.herald.channel.webhook.slack;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SlackConfiguration {

    @Bean
    SlackFormat slackFormat() {
        return new SlackFormat();
    }
}
