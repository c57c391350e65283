package org.herald.gateway.limit;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    /**
     * Lettuce completes reactive calls on its one I/O thread by default, so everything a filter does
     * after a Redis answer (forwarding the request to ingest included) ran on that thread, and Redis
     * replies queued behind it until the limiter's calls timed out: measured, 45 requests/s through
     * the gateway with every limiter call timing out. Answers are handed to Lettuce's computation
     * threads instead, leaving the I/O thread to read replies.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer redisAnswersOffTheIoThread() {
        return builder -> builder.publishOnScheduler(true);
    }
}
