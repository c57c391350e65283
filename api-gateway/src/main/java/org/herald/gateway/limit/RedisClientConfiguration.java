package org.herald.gateway.limit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    /** Spring Cloud Gateway's token-bucket script, shipped in its jar. */
    private static final String RATE_LIMITER_SCRIPT = "META-INF/scripts/request_rate_limiter.lua";

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

    /**
     * The gateway's own limiter, with its script read once. Spring Cloud Gateway hands the limiter the
     * script as a classpath resource, and Spring Data Redis asks a resource whether it changed before
     * every call: in the packaged jar that opened a nested-jar URL connection per rate-limit check,
     * twice per request. Profiled at about 1,000 requests/s: 7 % of the gateway's CPU in that check
     * alone, and the garbage it left (cleaners of the jar connections) promoted into the old generation
     * and forced a full collection every second.
     */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis, ConfigurationService configuration) {
        String script;
        try {
            script = new ClassPathResource(RATE_LIMITER_SCRIPT).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Spring Cloud Gateway's " + RATE_LIMITER_SCRIPT + " is missing", e);
        }
        RedisScript<List<Long>> tokenBucket = (RedisScript) RedisScript.of(script, List.class);
        return new RedisRateLimiter(redis, tokenBucket, configuration);
    }
}
