package org.herald.sandbox.behaviour;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BehaviourConfiguration {

    @Bean
    ScriptedFailures scriptedFailures() {
        return new ScriptedFailures();
    }
}
