package org.herald.events.topic;

import java.util.List;
import org.herald.events.account.AccountEvent;
import org.herald.events.callback.CallbackEndpointChanged;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryStatusChanged;
import org.herald.events.message.MessageAccepted;
import org.herald.events.message.MessageCompleted;

/** Every topic Herald uses, in one place. Services refer to these, never to topic-name strings. */
public final class Topics {

    public static final TopicDefinition<MessageAccepted> MESSAGES = new TopicDefinition<>(
            "herald.messages", "messageId", MessageAccepted.class, List.of(EventTypes.MESSAGE_ACCEPTED), true);

    public static final TopicDefinition<DeliveryRequested> DELIVERIES_WECHAT = deliveries("wechat");
    public static final TopicDefinition<DeliveryRequested> DELIVERIES_CP = deliveries("cp");
    public static final TopicDefinition<DeliveryRequested> DELIVERIES_WEBHOOK = deliveries("webhook");
    public static final TopicDefinition<DeliveryRequested> DELIVERIES_MAIL = deliveries("mail");
    public static final TopicDefinition<DeliveryRequested> DELIVERIES_SMS = deliveries("sms");

    public static final TopicDefinition<DeliveryStatusChanged> DELIVERY_STATUS = new TopicDefinition<>(
            "herald.delivery-status",
            "messageId",
            DeliveryStatusChanged.class,
            List.of(EventTypes.DELIVERY_STATUS_CHANGED),
            true);

    public static final TopicDefinition<MessageCompleted> MESSAGES_COMPLETED = new TopicDefinition<>(
            "herald.messages.completed",
            "messageId",
            MessageCompleted.class,
            List.of(EventTypes.MESSAGE_COMPLETED),
            true);

    public static final TopicDefinition<AccountEvent> ACCOUNT_EVENTS = new TopicDefinition<>(
            "herald.account-events",
            "accountId",
            AccountEvent.class,
            List.of(EventTypes.TOPIC_MEMBER_ADDED, EventTypes.FRIEND_ADDED),
            true);

    /**
     * Internal: ingest's account callback settings for callback-service. The signing secrets on it
     * are sealed; the latest event per account is the account's whole state, so the topic is compacted
     * and a callback-service whose database was rebuilt learns every account again from the start.
     */
    public static final TopicDefinition<CallbackEndpointChanged> CALLBACK_ENDPOINTS = new TopicDefinition<>(
            "herald.callback-endpoints",
            "accountId",
            CallbackEndpointChanged.class,
            List.of(EventTypes.CALLBACK_ENDPOINT_CHANGED),
            false,
            true);

    public static final List<TopicDefinition<?>> ALL = List.of(
            MESSAGES,
            DELIVERIES_WECHAT,
            DELIVERIES_CP,
            DELIVERIES_WEBHOOK,
            DELIVERIES_MAIL,
            DELIVERIES_SMS,
            DELIVERY_STATUS,
            MESSAGES_COMPLETED,
            ACCOUNT_EVENTS,
            CALLBACK_ENDPOINTS);

    private static TopicDefinition<DeliveryRequested> deliveries(String channel) {
        return new TopicDefinition<>(
                "herald.deliveries." + channel,
                "recipient id",
                DeliveryRequested.class,
                List.of(EventTypes.DELIVERY_REQUESTED),
                false);
    }

    private Topics() {}
}
