package org.herald.ingest.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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

    public void dispatch(MessageAccepted message) {
        Instant now = clock.instant();
        if (!Channels.WEBHOOK.equals(message.channel())
                && properties.openChannels().contains(message.channel())
                && !expired(message, now)) {
            // Channels that reach people: one delivery per recipient (topic, to, or the owner).
            fanOut.dispatch(message, now);
            return;
        }
        Route route = route(message, now);
        DeliveryRecord stored = transactions.execute(status -> {
            messages.insertIfAbsent(FanOut.record(message, now));
            return messages.insertIfAbsent(new DeliveryRecord(
                    route.deliveryId(),
                    message.messageId(),
                    message.channel(),
                    route.recipient().kind() + ":" + route.recipient().id(),
                    DeliveryState.QUEUED,
                    0,
                    null,
                    now));
        });
        if (stored != null && stored.state() != DeliveryState.QUEUED) {
            // A redelivered event whose delivery a channel has already taken up: the first dispatch
            // got through, only its offset commit did not. Deciding again now (a deadline passed
            // since, a config deleted since) must not override what is already under way.
            log.info(
                    "message {} already dispatched ({} is {})",
                    message.messageId(),
                    stored.deliveryId(),
                    stored.state());
            return;
        }
        if (route instanceof Deliver deliver) {
            status(message, route, DeliveryState.QUEUED, null, now);
            DeliveryRequested request = new DeliveryRequested(
                    route.deliveryId(),
                    message.messageId(),
                    message.accountId(),
                    message.channel(),
                    route.recipient(),
                    deliver.target(),
                    message.title() == null ? "" : message.title(),
                    message.content() == null ? "" : message.content(),
                    message.template(),
                    properties.publicUrl("/m/" + message.messageId()),
                    message.deadline(),
                    now);
            publisher.publishAndWait(
                    Topics.DELIVERIES_WEBHOOK,
                    EventTypes.DELIVERY_REQUESTED,
                    route.recipient().id(),
                    route.deliveryId(),
                    request,
                    timeout());
            log.info("message {} dispatched as {}", message.messageId(), route.deliveryId());
        } else if (route instanceof Refuse refuse) {
            status(message, route, refuse.state(), refuse.reason(), now);
            log.info("message {} not deliverable ({}): {}", message.messageId(), route.deliveryId(), refuse.reason());
        }
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
        Map<String, String> attributes =
                new java.util.LinkedHashMap<>(webhook.get().attributes());
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

    private void status(MessageAccepted message, Route route, DeliveryState state, String reason, Instant at) {
        DeliveryStatusChanged change = new DeliveryStatusChanged(
                route.deliveryId(), message.messageId(), message.accountId(), message.channel(), state, 0, reason, at);
        publisher.publishAndWait(
                Topics.DELIVERY_STATUS,
                EventTypes.DELIVERY_STATUS_CHANGED,
                message.messageId(),
                route.deliveryId() + "/" + state + "/0",
                change,
                timeout());
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
}
