package org.herald.ingest.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryState;
import org.herald.events.delivery.DeliveryStatusChanged;
import org.herald.events.delivery.DeliveryTarget;
import org.herald.events.delivery.Recipient;
import org.herald.events.message.MessageAccepted;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.TopicDefinition;
import org.herald.events.topic.Topics;
import org.herald.ingest.IngestProperties;
import org.herald.ingest.audience.Audience;
import org.herald.ingest.audience.Contacts;
import org.herald.ingest.message.MessageRecord;
import org.herald.ingest.message.MessageRepository;
import org.herald.sealing.SecretSealer;
import org.herald.transport.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Delivers a message of a person-addressed channel (wechat, cp, mail, sms) to every recipient
 * (pushplus-api.md §1.4): the owner when neither {@code topic} nor {@code to} is given, the topic's
 * active subscribers when {@code topic} is (it beats {@code to}), else the friends named in {@code to}
 * (cp: WeCom user ids).
 *
 * <p>Each recipient gets a delivery whose id is derived from the message and the recipient, so a
 * redelivered message maps onto the same rows: they are inserted only when absent, and requests are
 * published again only for deliveries still QUEUED, which channels absorb by delivery id. Recipients
 * without the contact the channel needs get a FAILED row with the reason at once and no request.
 *
 * <p>Fast for large topics: one query for the recipients, a few multi-row inserts, and the requests
 * published asynchronously in windows, each window awaited as a whole.
 */
final class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    /** Deliveries in flight at once: bounds the producer's buffer when contents are large. */
    static final int PUBLISH_WINDOW = 1000;

    private static final Pattern FRIEND_TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern WECOM_USER_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    private final MessageRepository messages;
    private final DeliveryBatch deliveries;
    private final Audience audience;
    private final SecretSealer sealer;
    private final EventPublisher publisher;
    private final TransactionOperations transactions;
    private final IngestProperties properties;

    FanOut(
            MessageRepository messages,
            DeliveryBatch deliveries,
            Audience audience,
            SecretSealer sealer,
            EventPublisher publisher,
            TransactionOperations transactions,
            IngestProperties properties) {
        this.messages = messages;
        this.deliveries = deliveries;
        this.audience = audience;
        this.sealer = sealer;
        this.publisher = publisher;
        this.transactions = transactions;
        this.properties = properties;
    }

    void dispatch(MessageAccepted message, Instant now) {
        long started = System.nanoTime();
        List<Planned> planned = plan(message);
        List<DeliveryBatch.Row> rows = planned.stream()
                .map(p -> new DeliveryBatch.Row(
                        p.deliveryId(),
                        p.recipient().kind() + ":" + p.recipient().id(),
                        p.skipReason() == null ? DeliveryState.QUEUED : DeliveryState.FAILED,
                        p.skipReason()))
                .toList();
        transactions.executeWithoutResult(status -> {
            messages.insertMessagesAbsent(List.of(record(message, now)));
            deliveries.insertAbsent(message.messageId(), message.channel(), rows, now);
        });
        Map<String, DeliveryState> stored = deliveries.states(message.messageId());
        List<Planned> eligible =
                planned.stream().filter(p -> p.skipReason() == null).toList();
        List<Planned> toRequest = eligible.stream()
                .filter(p -> stored.get(p.deliveryId()) == DeliveryState.QUEUED)
                .toList();
        TopicDefinition<DeliveryRequested> topic = topicOf(message.channel());
        Map<String, String> attributes = attributes(message);
        for (int from = 0; from < toRequest.size(); from += PUBLISH_WINDOW) {
            List<CompletableFuture<RecordMetadata>> window = new ArrayList<>();
            for (Planned p : toRequest.subList(from, Math.min(toRequest.size(), from + PUBLISH_WINDOW))) {
                window.add(status(message, p, DeliveryState.QUEUED, null, now));
                window.add(publisher.publish(
                        topic,
                        EventTypes.DELIVERY_REQUESTED,
                        p.recipient().id(),
                        p.deliveryId(),
                        request(message, p, attributes, now)));
            }
            publisher.awaitAll(topic, window, properties.publishTimeout());
        }
        if (eligible.isEmpty()) {
            // Nobody can receive it: one status event lets the projector find every delivery final and
            // complete the message (the FAILED rows are already written; a second event adds nothing).
            Planned first = planned.get(0);
            publisher.awaitAll(
                    Topics.DELIVERY_STATUS,
                    List.of(status(message, first, DeliveryState.FAILED, first.skipReason(), now)),
                    properties.publishTimeout());
        }
        log.info(
                "message {} fanned out on {}: {} recipients, {} requested, {} skipped, in {} ms",
                message.messageId(),
                message.channel(),
                planned.size(),
                toRequest.size(),
                planned.size() - eligible.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Every recipient of the message, with the address the channel needs or the reason it is skipped. */
    List<Planned> plan(MessageAccepted message) {
        String channel = message.channel();
        String prefix = message.messageId() + "-" + channel + "-";
        Recipient self = new Recipient("self", message.accountId().toString());
        List<Planned> planned = new ArrayList<>();
        if (message.topic() != null && !message.topic().isBlank()) {
            for (Audience.Addressed member :
                    audience.topicMembers(message.accountId(), message.topic().trim(), channel)) {
                planned.add(person(
                        prefix + "m" + member.id(),
                        new Recipient("topic-member", member.id()),
                        member.address(),
                        channel));
            }
        } else if (!message.to().isEmpty() && "cp".equals(channel)) {
            Set<String> users = new LinkedHashSet<>();
            message.to().stream()
                    .map(String::trim)
                    .filter(id -> WECOM_USER_ID.matcher(id).matches())
                    .forEach(users::add);
            for (String user : users) {
                planned.add(new Planned(prefix + "u" + user, new Recipient("wecom-user", user), user, null));
            }
        } else if (!message.to().isEmpty()) {
            Map<String, String> found = new LinkedHashMap<>();
            audience.friends(message.accountId(), message.to(), channel)
                    .forEach(friend -> found.put(friend.id(), friend.address()));
            for (String token : Audience.normalised(message.to())) {
                if (found.containsKey(token)) {
                    planned.add(
                            person(prefix + "f" + token, new Recipient("friend", token), found.get(token), channel));
                } else if (FRIEND_TOKEN.matcher(token).matches()) {
                    planned.add(new Planned(prefix + "f" + token, new Recipient("friend", token), null, "好友不存在或已删除"));
                }
            }
        } else if ("cp".equals(channel)) {
            // No one named: the WeCom application's own receiver list decides.
            planned.add(new Planned(prefix + "self", self, null, null));
        } else {
            planned.add(person(
                    prefix + "self", self, audience.owner(message.accountId()).addressFor(channel), channel));
        }
        if (planned.isEmpty()) {
            planned.add(new Planned(prefix + "none", self, null, "无用户接收消息"));
        }
        return planned;
    }

    private static Planned person(String deliveryId, Recipient recipient, String address, String channel) {
        return new Planned(deliveryId, recipient, address, address == null ? Contacts.missing(channel) : null);
    }

    private DeliveryRequested request(MessageAccepted message, Planned p, Map<String, String> attributes, Instant now) {
        DeliveryTarget target = new DeliveryTarget(
                targetType(message.channel()),
                message.option() == null || message.option().isBlank()
                        ? null
                        : message.option().trim(),
                p.address() == null ? null : sealer.seal(p.address()),
                null,
                attributes);
        return requestOf(message, p.deliveryId(), p.recipient(), target, properties, now);
    }

    /** The request a channel gets for one delivery of the message. */
    static DeliveryRequested requestOf(
            MessageAccepted message,
            String deliveryId,
            Recipient recipient,
            DeliveryTarget target,
            IngestProperties properties,
            Instant now) {
        return new DeliveryRequested(
                deliveryId,
                message.messageId(),
                message.accountId(),
                message.channel(),
                recipient,
                target,
                message.title() == null ? "" : message.title(),
                message.content() == null ? "" : message.content(),
                message.template(),
                properties.publicUrl("/m/" + message.messageId()),
                message.deadline(),
                now);
    }

    /** What the channel shows besides the content: where the message came from (topic or friend). */
    private Map<String, String> attributes(MessageAccepted message) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("icon", properties.publicUrl("/assets/herald-icon.png"));
        if (message.topic() != null && !message.topic().isBlank()) {
            attributes.put("source", "topic");
            attributes.put("topicCode", message.topic().trim());
        } else if (!message.to().isEmpty()) {
            attributes.put("source", "friend");
        } else {
            attributes.put("source", "self");
        }
        return attributes;
    }

    private CompletableFuture<RecordMetadata> status(
            MessageAccepted message, Planned p, DeliveryState state, String reason, Instant at) {
        DeliveryStatusChanged change = new DeliveryStatusChanged(
                p.deliveryId(), message.messageId(), message.accountId(), message.channel(), state, 0, reason, at);
        return publisher.publish(
                Topics.DELIVERY_STATUS,
                EventTypes.DELIVERY_STATUS_CHANGED,
                message.messageId(),
                p.deliveryId() + "/" + state + "/0",
                change);
    }

    /** The read-model row of a message just taken from {@code herald.messages}: nothing sent yet. */
    static MessageRecord record(MessageAccepted message, Instant now) {
        return new MessageRecord(
                message.messageId(),
                message.accountId(),
                message.channel(),
                message.template(),
                message.title() == null ? "" : message.title(),
                message.content() == null ? "" : message.content(),
                message.callbackUrl(),
                MessageRecord.UNSENT,
                "",
                message.acceptedAt() == null ? now : message.acceptedAt(),
                now,
                false);
    }

    static TopicDefinition<DeliveryRequested> topicOf(String channel) {
        return switch (channel) {
            case "wechat" -> Topics.DELIVERIES_WECHAT;
            case "cp" -> Topics.DELIVERIES_CP;
            case "mail" -> Topics.DELIVERIES_MAIL;
            case "sms" -> Topics.DELIVERIES_SMS;
            default -> throw new IllegalArgumentException("no person-addressed channel: " + channel);
        };
    }

    private static String targetType(String channel) {
        return switch (channel) {
            case "wechat" -> "WECHAT_TEMPLATE";
            case "cp" -> "WECOM_APP";
            case "mail" -> "MAIL";
            case "sms" -> "SMS";
            default -> channel.toUpperCase(java.util.Locale.ROOT);
        };
    }

    /**
     * One recipient of the fan-out.
     *
     * @param address what the channel needs to reach them (clear here, sealed on the event), or null
     * @param skipReason why they cannot receive it, or null when they can
     */
    record Planned(String deliveryId, Recipient recipient, String address, String skipReason) {}
}
