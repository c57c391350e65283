package org.herald.sandbox.inbox;

import java.time.Clock;
import org.herald.sandbox.SandboxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    @Bean
    Inbox inbox(SandboxProperties properties) {
        return new Inbox(properties.inboxCapacity(), Clock.systemUTC());
    }
}
