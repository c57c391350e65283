package org.herald.channel.webhook.delivery;

import java.time.Duration;
import org.herald.transport.retry.RetrySchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retry how transient failures are retried (the schedule is in application.yml)
 * @param deliveredTtl how long a delivered id is remembered, so a redelivered request is not posted
 *     again; longer than the whole retry horizon
 * @param statusPublishTimeout how long to wait for the broker to acknowledge a status event
 * @param retryJitter each retry delay is spread over ±this fraction of itself
 * @param maxInPlaceWait a rate-limit wait up to this long is waited in place; a longer one parks the
 *     request on the delay topic
 * @param delayHop the longest the delay topic's consumer holds one record before parking it again
 * @param deliveriesInFlight how many deliveries this instance makes at once, over all its consumers
 *     ({@link DeliveryLanes})
 * @param retryConcurrency consumers per retry topic and for the dead-letter topic in one instance
 */
@ConfigurationProperties("herald.webhook")
public record WebhookProperties(
        RetrySchedule retry,
        @DefaultValue("7d") Duration deliveredTtl,
        @DefaultValue("10s") Duration statusPublishTimeout,
        @DefaultValue("0.2") double retryJitter,
        @DefaultValue("2s") Duration maxInPlaceWait,
        @DefaultValue("10s") Duration delayHop,
        @DefaultValue("48") int deliveriesInFlight,
        @DefaultValue("2") int retryConcurrency) {}
