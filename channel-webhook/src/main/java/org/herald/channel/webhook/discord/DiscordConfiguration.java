package org.herald.channel.webhook.discord;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DiscordConfiguration {

    @Bean
    DiscordFormat discordFormat() {
        return new DiscordFormat();
    }
}
