package org.herald.channel.webhook.dingtalk;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DingtalkConfiguration {

    @Bean
    DingtalkRobotFormat dingtalkRobotFormat(Clock clock) {
        return new DingtalkRobotFormat(clock);
    }
}
