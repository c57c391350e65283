package org.herald.channel.webhook.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Holds parked requests until their time and sends them back where they came from. Each record
 * is held at most {@code herald.webhook.delay-hop} (then parked again behind the others), and few
 * records are polled at once, so the consumer always polls well within {@code max.poll.interval.ms}.
 * Parked requests of one key stay in order; a request is only ever sent back late, never early.
 */
@Component
class DelayListener {

    private final DelayTopic delay;
    private final Clock clock;
    private final Duration hop;

    DelayListener(DelayTopic delay, Clock clock, WebhookProperties properties) {
        this.delay = delay;
        this.clock = clock;
        this.hop = properties.delayHop();
    }

    @KafkaListener(
            topics = DelayTopic.NAME,
            groupId = "channel-webhook",
            concurrency = "${herald.webhook.concurrency:12}",
            properties = "max.poll.records=10")
    void on(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Instant notBefore = DelayTopic.notBefore(record);
        Instant holdUntil = clock.instant().plus(hop);
        if (notBefore.isAfter(holdUntil)) {
            sleepUntil(holdUntil);
            delay.parkAgain(record, notBefore);
            return;
        }
        sleepUntil(notBefore);
        delay.release(record);
    }

    private void sleepUntil(Instant until) throws InterruptedException {
        long millis = Duration.between(clock.instant(), until).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
