package org.herald.ingest.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryState;
import org.herald.events.delivery.DeliveryStatusChanged;
import org.herald.events.delivery.DeliveryTarget;
import org.herald.events.delivery.Recipient;
import org.herald.events.message.MessageAccepted;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.ingest.IngestProperties;
import org.herald.ingest.account.AccountDirectory;
import org.herald.ingest.account.Webhook;
import org.herald.ingest.account.WebhookType;
import org.herald.ingest.api.Channels;
import org.herald.ingest.message.DeliveryRecord;
import org.herald.ingest.message.MessageRepository;
import org.herald.sealing.SealedValueException;
import org.herald.sealing.SecretSealer;
import org.herald.transport.EventPublisher;
import org.herald.transport.PollRecords.KeyScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Turns an accepted message into deliveries: records the message and its deliveries in the read
 * model, then asks the channel to deliver. Redelivery of the same event is harmless: the rows are
 * inserted only once and the events are published again, which channels (by deliveryId) and the
 * projector (forward-only states) absorb; once a channel has reported on the delivery, nothing is
 * published again.
 *
 * <p>A message that cannot be delivered at all (its webhook configuration was deleted meanwhile,
 * its deadline passed while queued, its channel has no service yet) gets a final status event for
 * its delivery instead of a request, so it completes through the projector like any other.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final MessageRepository messages;
    private final AccountDirectory accounts;
    private final SecretSealer sealer;
    private final EventPublisher publisher;
    private final TransactionOperations transactions;
    private final IngestProperties properties;
    private final Clock clock;
    private final FanOut fanOut;

    public Dispatcher(
            MessageRepository messages,
            AccountDirectory accounts,
            SecretSealer sealer,
            EventPublisher publisher,
            TransactionOperations transactions,
            IngestProperties properties,
            Clock clock,
            FanOut fanOut) {
        this.messages = messages;
        this.accounts = accounts;
        this.sealer = sealer;
        this.publisher = publisher;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.fanOut = fanOut;
    }

    /** {@link #dispatchAll(List, KeyScope)} outside a listener: nothing to trace per message. */
    public void dispatchAll(List<MessageAccepted> accepted) {
        dispatchAll(accepted, KeyScope.NONE);
    }

    /**
     * Dispatches a poll of accepted messages with a few statements and broker round trips for the
     * whole poll, not a few per message: one transaction records every message and its delivery,
     * then every QUEUED (or refusing) status event is published and the poll's acks awaited
     * together, then every delivery request. Statuses go first, as one message at a time did, so no
     * channel reports on a delivery before its QUEUED event is on the topic. Each message's events
     * and log lines are made inside the trace of its event ({@code scope}).
     */
    public void dispatchAll(List<MessageAccepted> accepted, KeyScope scope) {
        Instant now = clock.instant();
        Map<String, Routed> routed = new LinkedHashMap<>();
        for (MessageAccepted message : accepted) {
            if (!Channels.WEBHOOK.equals(message.channel())
                    && properties.openChannels().contains(message.channel())
                    && !expired(message, now)) {
                // Channels that reach people: one delivery per recipient (topic, to, or the owner).
                scope.within(message.messageId(), () -> fanOut.dispatch(message, now));
            } else {
                // The same event twice in a poll (a producer retry) is dispatched once.
                routed.putIfAbsent(message.messageId(), new Routed(message, route(message, now)));
            }
        }
        if (routed.isEmpty()) {
            return;
        }
        Map<String, DeliveryRecord> stored = record(routed.values(), now);
        List<Routed> stillQueued = new ArrayList<>();
        List<CompletableFuture<RecordMetadata>> statuses = new ArrayList<>();
        for (Routed r : routed.values()) {
            DeliveryRecord delivery = stored.get(r.route().deliveryId());
            scope.within(r.message().messageId(), () -> {
                if (delivery != null && delivery.state() != DeliveryState.QUEUED) {
                    // A redelivered event whose delivery a channel has already taken up: the first
                    // dispatch got through, only its offset commit did not. Deciding again now (a
                    // deadline passed since, a config deleted since) must not override what is
                    // already under way.
                    log.info(
                            "message {} already dispatched ({} is {})",
                            r.message().messageId(),
                            delivery.deliveryId(),
                            delivery.state());
                    return;
                }
                stillQueued.add(r);
                statuses.add(
                        r.route() instanceof Refuse refuse
                                ? status(r.message(), refuse, refuse.state(), refuse.reason(), now)
                                : status(r.message(), r.route(), DeliveryState.QUEUED, null, now));
            });
        }
        publisher.awaitAll(Topics.DELIVERY_STATUS, statuses, timeout());
        List<CompletableFuture<RecordMetadata>> requests = new ArrayList<>();
        for (Routed r : stillQueued) {
            if (r.route() instanceof Deliver deliver) {
                scope.within(r.message().messageId(), () -> requests.add(request(r.message(), deliver, now)));
            }
        }
        publisher.awaitAll(Topics.DELIVERIES_WEBHOOK, requests, timeout());
        // Only once the broker has them: a request that failed to go out is not reported as made.
        for (Routed r : stillQueued) {
            scope.within(r.message().messageId(), () -> {
                if (r.route() instanceof Refuse refuse) {
                    log.info(
                            "message {} not deliverable ({}): {}",
                            r.message().messageId(),
                            refuse.deliveryId(),
                            refuse.reason());
                } else {
                    log.info(
                            "message {} dispatched as {}",
                            r.message().messageId(),
                            r.route().deliveryId());
                }
            });
        }
    }

    /** Writes the messages and their deliveries, each only when absent, and reads back every delivery as stored. */
    private Map<String, DeliveryRecord> record(Collection<Routed> routed, Instant now) {
        return transactions.execute(status -> {
            messages.insertMessagesAbsent(
                    routed.stream().map(r -> FanOut.record(r.message(), now)).toList());
            return messages.insertDeliveriesAbsent(routed.stream()
                    .map(r -> new DeliveryRecord(
                            r.route().deliveryId(),
                            r.message().messageId(),
                            r.message().channel(),
                            r.route().recipient().kind() + ":"
                                    + r.route().recipient().id(),
                            DeliveryState.QUEUED,
                            0,
                            null,
                            now))
                    .toList());
        });
    }

    private CompletableFuture<RecordMetadata> request(MessageAccepted message, Deliver deliver, Instant now) {
        DeliveryRequested request =
                FanOut.requestOf(message, deliver.deliveryId(), deliver.recipient(), deliver.target(), properties, now);
        return publisher.publish(
                Topics.DELIVERIES_WEBHOOK,
                EventTypes.DELIVERY_REQUESTED,
                deliver.recipient().id(),
                deliver.deliveryId(),
                request);
    }

    private Route route(MessageAccepted message, Instant now) {
        String channel = message.channel();
        if (!properties.openChannels().contains(channel)) {
            return new Refuse(
                    message.messageId() + "-" + channel + "-self",
                    new Recipient("self", message.accountId().toString()),
                    DeliveryState.FAILED,
                    "渠道暂未开放: " + channel);
        }
        if (!Channels.WEBHOOK.equals(channel)) {
            // Expired while queued (the only way a person-addressed channel gets here): one delivery
            // records it for the whole message instead of one per recipient.
            return new Refuse(
                    message.messageId() + "-" + channel + "-self",
                    new Recipient("self", message.accountId().toString()),
                    DeliveryState.EXPIRED,
                    "消息已过期: 超过timestamp指定的时间");
        }
        String code = message.option() == null || message.option().isBlank() ? "" : message.option();
        String deliveryId = message.messageId() + "-webhook-" + code;
        Recipient recipient = new Recipient("webhook", code);
        if (message.deadline() != null && message.deadline().isBefore(now)) {
            return new Refuse(deliveryId, recipient, DeliveryState.EXPIRED, "消息已过期: 超过timestamp指定的时间");
        }
        Optional<Webhook> webhook = code.isEmpty() ? Optional.empty() : accounts.findWebhook(message.accountId(), code);
        if (webhook.isEmpty()) {
            return new Refuse(deliveryId, recipient, DeliveryState.FAILED, "webhook配置不存在或已删除: " + code);
        }
        Optional<WebhookType> type = WebhookType.of(webhook.get().type());
        if (type.isEmpty()) {
            return new Refuse(
                    deliveryId,
                    recipient,
                    DeliveryState.FAILED,
                    "暂不支持的webhook类型: " + webhook.get().type());
        }
        String url;
        String secret;
        try {
            url = sealer.open(webhook.get().sealedUrl());
            secret = webhook.get().sealedSecret() == null
                    ? null
                    : sealer.open(webhook.get().sealedSecret());
        } catch (SealedValueException e) {
            // Sealed with another key (a rotated HERALD_SEALING_KEY): no channel could open it either.
            return new Refuse(deliveryId, recipient, DeliveryState.FAILED, "webhook配置无法读取，请重新添加webhook配置: " + code);
        }
        // Non-secret settings (keyword; custom method, body template, content type) plus the icon.
        Map<String, String> attributes = new LinkedHashMap<>(webhook.get().attributes());
        attributes.put("icon", properties.publicUrl("/assets/herald-icon.png"));
        DeliveryTarget target = new DeliveryTarget(
                type.get().targetType(),
                code,
                sealer.seal(url),
                secret == null ? null : sealer.seal(secret),
                attributes);
        return new Deliver(deliveryId, recipient, target);
    }

    private static boolean expired(MessageAccepted message, Instant now) {
        return message.deadline() != null && message.deadline().isBefore(now);
    }

    private CompletableFuture<RecordMetadata> status(
            MessageAccepted message, Route route, DeliveryState state, String reason, Instant at) {
        DeliveryStatusChanged change = new DeliveryStatusChanged(
                route.deliveryId(), message.messageId(), message.accountId(), message.channel(), state, 0, reason, at);
        return publisher.publish(
                Topics.DELIVERY_STATUS,
                EventTypes.DELIVERY_STATUS_CHANGED,
                message.messageId(),
                route.deliveryId() + "/" + state + "/0",
                change);
    }

    private Duration timeout() {
        return properties.publishTimeout();
    }

    private sealed interface Route permits Deliver, Refuse {
        String deliveryId();

        Recipient recipient();
    }

    private record Deliver(String deliveryId, Recipient recipient, DeliveryTarget target) implements Route {}

    private record Refuse(String deliveryId, Recipient recipient, DeliveryState state, String reason)
            implements Route {}

    /** A message of the poll and what becomes of it. */
    private record Routed(MessageAccepted message, Route route) {}
}
