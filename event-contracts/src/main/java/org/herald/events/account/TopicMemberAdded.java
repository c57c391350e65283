package org.herald.events.account;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone joined one of the account's topics; callback-service turns it into {@code add_topic_user}.
 *
 * @param eventId stable id, the callback's webhook-id
 * @param accountId the topic owner
 * @param membershipId the subscription id (pushplus {@code topicUserInfo.id})
 * @param topicId the topic id
 * @param topicCode the topic code
 * @param topicName the topic name
 * @param openId the member's openId
 * @param nickName the member's nickname
 * @param headImgUrl the member's avatar URL
 * @param userSex 0 unset, 1 male, 2 female
 * @param isFollow 1 when the member follows the official account
 * @param havePhone 1 when the member bound a phone
 * @param emailStatus 0 unverified, 1 pending, 2 verified
 * @param joinedAt when the member joined
 */
public record TopicMemberAdded(
        String eventId,
        UUID accountId,
        long membershipId,
        long topicId,
        String topicCode,
        String topicName,
        String openId,
        String nickName,
        String headImgUrl,
        int userSex,
        int isFollow,
        int havePhone,
        int emailStatus,
        Instant joinedAt)
        implements AccountEvent {}
