package org.herald.channel.webhook.feishu;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FeishuConfiguration {

    @Bean
    FeishuBotFormat feishuBotFormat(Clock clock) {
        return new FeishuBotFormat(clock);
    }
}
