package org.herald.callback.account;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.herald.callback.sending.CallbackRequest;
import org.herald.events.account.AccountEvent;
import org.herald.events.account.FriendAdded;
import org.herald.events.account.TopicMemberAdded;
import tools.jackson.databind.json.JsonMapper;

/**
 * pushplus's {@code add_topic_user} and {@code add_friend} callbacks, field for field as pushplus
 * posts them (pushplus-api.md §7). Both go to the account's callback URL.
 */
final class AccountCallbacks {

    static final String ADD_TOPIC_USER = "add_topic_user";
    static final String ADD_FRIEND = "add_friend";

    /** pushplus writes {@code createTime} as Beijing wall-clock time. */
    private static final DateTimeFormatter CREATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @JsonPropertyOrder({"event", "topicUserInfo"})
    record AddTopicUser(String event, TopicUserInfo topicUserInfo) {}

    @JsonPropertyOrder({
        "id",
        "openId",
        "topicId",
        "userSex",
        "isFollow",
        "nickName",
        "havePhone",
        "topicCode",
        "topicName",
        "headImgUrl",
        "emailStatus"
    })
    record TopicUserInfo(
            long id,
            String openId,
            long topicId,
            int userSex,
            int isFollow,
            String nickName,
            int havePhone,
            String topicCode,
            String topicName,
            String headImgUrl,
            int emailStatus) {}

    @JsonPropertyOrder({"event", "qrCode", "friendInfo"})
    record AddFriend(String event, String qrCode, FriendInfo friendInfo) {}

    @JsonPropertyOrder({"token", "friendId", "isFollow", "nickName", "havePhone", "createTime", "emailStatus"})
    record FriendInfo(
            String token,
            long friendId,
            int isFollow,
            String nickName,
            int havePhone,
            String createTime,
            int emailStatus) {}

    private AccountCallbacks() {}

    static byte[] body(TopicMemberAdded added) {
        return JSON.writeValueAsBytes(new AddTopicUser(
                ADD_TOPIC_USER,
                new TopicUserInfo(
                        added.membershipId(),
                        text(added.openId()),
                        added.topicId(),
                        added.userSex(),
                        added.isFollow(),
                        text(added.nickName()),
                        added.havePhone(),
                        text(added.topicCode()),
                        text(added.topicName()),
                        text(added.headImgUrl()),
                        added.emailStatus())));
    }

    static byte[] body(FriendAdded added) {
        return JSON.writeValueAsBytes(new AddFriend(
                ADD_FRIEND,
                text(added.qrCode()),
                new FriendInfo(
                        added.friendToken(),
                        added.friendId(),
                        added.isFollow(),
                        text(added.nickName()),
                        added.havePhone(),
                        added.addedAt() == null ? "" : CREATE_TIME.format(added.addedAt()),
                        added.emailStatus())));
    }

    /** The callback an account event asks for: to the account's URL, webhook-id = the event id. */
    static CallbackRequest request(AccountEvent event) {
        if (event instanceof TopicMemberAdded added) {
            return new CallbackRequest(
                    added.eventId(),
                    ADD_TOPIC_USER,
                    added.topicCode(),
                    added.accountId(),
                    null,
                    added.eventId(),
                    body(added));
        }
        FriendAdded added = (FriendAdded) event;
        return new CallbackRequest(
                added.eventId(),
                ADD_FRIEND,
                Long.toString(added.friendId()),
                added.accountId(),
                null,
                added.eventId(),
                body(added));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
