package org.herald.ingest.topic;

import java.time.Instant;
import java.util.UUID;
import org.herald.ingest.audience.Contacts;

/**
 * One subscription of a topic (pushplus {@code topicRelationId}).
 *
 * @param accountId the subscriber's own Herald account, or null for an external person
 * @param contacts what the row itself holds; a Herald account's own contacts complete it when sending
 * @param state ACTIVE, LEFT or REMOVED
 */
record Subscriber(
        long id,
        long topicId,
        UUID accountId,
        Contacts contacts,
        String nickName,
        String headImgUrl,
        int userSex,
        String remark,
        String state,
        Instant joinedAt) {

    static final String ACTIVE = "ACTIVE";
    static final String LEFT = "LEFT";
    static final String REMOVED = "REMOVED";
}
