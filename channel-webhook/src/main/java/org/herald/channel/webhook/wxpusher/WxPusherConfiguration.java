package org.herald.channel.webhook.wxpusher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WxPusherConfiguration {

    @Bean
    WxPusherFormat wxPusherFormat() {
        return new WxPusherFormat();
    }
}
