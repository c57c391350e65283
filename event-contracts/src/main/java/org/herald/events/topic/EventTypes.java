package org.herald.events.topic;

import org.herald.events.account.FriendAdded;
import org.herald.events.account.TopicMemberAdded;
import org.herald.events.callback.CallbackEndpointChanged;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryStatusChanged;
import org.herald.events.message.MessageAccepted;
import org.herald.events.message.MessageCompleted;

/** Every event type Herald emits. A breaking change to a record gets a new {@code .vN}. */
public final class EventTypes {

    public static final EventType<MessageAccepted> MESSAGE_ACCEPTED =
            new EventType<>("org.herald.message.accepted.v1", MessageAccepted.class, "message-accepted.v1.schema.json");

    public static final EventType<DeliveryRequested> DELIVERY_REQUESTED = new EventType<>(
            "org.herald.delivery.requested.v1", DeliveryRequested.class, "delivery-requested.v1.schema.json");

    public static final EventType<DeliveryStatusChanged> DELIVERY_STATUS_CHANGED = new EventType<>(
            "org.herald.delivery.status-changed.v1",
            DeliveryStatusChanged.class,
            "delivery-status-changed.v1.schema.json");

    public static final EventType<MessageCompleted> MESSAGE_COMPLETED = new EventType<>(
            "org.herald.message.completed.v1", MessageCompleted.class, "message-completed.v1.schema.json");

    public static final EventType<TopicMemberAdded> TOPIC_MEMBER_ADDED = new EventType<>(
            "org.herald.account.topic-member-added.v1", TopicMemberAdded.class, "topic-member-added.v1.schema.json");

    public static final EventType<FriendAdded> FRIEND_ADDED =
            new EventType<>("org.herald.account.friend-added.v1", FriendAdded.class, "friend-added.v1.schema.json");

    public static final EventType<CallbackEndpointChanged> CALLBACK_ENDPOINT_CHANGED = new EventType<>(
            "org.herald.callback.endpoint-changed.v1",
            CallbackEndpointChanged.class,
            "callback-endpoint-changed.v1.schema.json");

    private EventTypes() {}
}
