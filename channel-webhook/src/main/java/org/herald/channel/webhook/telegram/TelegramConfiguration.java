package org.herald.channel.webhook.telegram;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TelegramConfiguration {

    @Bean
    TelegramFormat telegramFormat() {
        return new TelegramFormat();
    }
}
