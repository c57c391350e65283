package org.herald.channel.webhook.delivery;

import java.time.Duration;
import org.herald.transport.retry.RetrySchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retry how transient failures are retried (the schedule is in application.yml)
 * @param deliveredTtl how long a delivered id is remembered, so a redelivered request is not posted
 *     again
 * @param statusPublishTimeout how long to wait for the broker to acknowledge a status event
 */
@ConfigurationProperties("herald.webhook")
public record WebhookProperties(
        RetrySchedule retry,
        @DefaultValue("7d") Duration deliveredTtl,
        @DefaultValue("10s") Duration statusPublishTimeout) {}
