package org.herald.ingest.audience;

import java.util.List;
import java.util.UUID;

/** The /send-time check that a message has someone to reach (pushplus "无用户接收消息"). */
public interface RecipientCheck {

    /** Checks nothing: for tests of other rules. */
    RecipientCheck NONE = (accountId, channel, topic, to) -> {};

    /**
     * @param topic the topic code, or null
     * @param to the {@code to} entries, empty when none
     * @throws org.herald.ingest.api.PushplusException 999 when nobody could receive the message
     */
    void check(UUID accountId, String channel, String topic, List<String> to);
}
