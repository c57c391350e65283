package org.herald.events.account;

import java.util.UUID;

/** An event on {@code herald.account-events}, keyed by account id. */
public sealed interface AccountEvent permits TopicMemberAdded, FriendAdded {

    String eventId();

    UUID accountId();
}
