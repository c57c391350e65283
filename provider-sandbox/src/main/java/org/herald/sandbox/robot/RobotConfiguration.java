package org.herald.sandbox.robot;

import java.time.Clock;
import org.herald.sandbox.behaviour.RateWindows;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RobotConfiguration {

    @Bean
    RobotRegistry robotRegistry() {
        return new RobotRegistry();
    }

    @Bean
    RateWindows robotRateWindows() {
        return new RateWindows(Clock.systemUTC());
    }
}
