package org.herald.sandbox.callback;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CallbackReceiverConfiguration {

    @Bean
    CallbackReceivers callbackReceivers() {
        return new CallbackReceivers();
    }
}
