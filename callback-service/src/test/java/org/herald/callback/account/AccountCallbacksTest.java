package org.herald.callback.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.herald.callback.sending.CallbackRequest;
import org.herald.events.account.FriendAdded;
import org.herald.events.account.TopicMemberAdded;
import org.junit.jupiter.api.Test;

class AccountCallbacksTest {

    private static final UUID ACCOUNT = UUID.fromString("5f0c6a3e-8d0b-4c1e-9a51-2b7c1d9e4f60");

    static TopicMemberAdded topicMember(String eventId) {
        return new TopicMemberAdded(
                eventId,
                ACCOUNT,
                25,
                2,
                "123",
                "123",
                "oEdHX0000000000aWDg",
                "陈大人",
                "https://thirdwx.qlogo.cn/mmopen/avatar",
                1,
                1,
                1,
                2,
                Instant.parse("2026-11-23T15:31:00Z"));
    }

    static FriendAdded friend(String eventId) {
        return new FriendAdded(
                eventId,
                ACCOUNT,
                5,
                "5813c18bb0fa462789028312dae30224",
                "自定义参数",
                "",
                1,
                0,
                0,
                Instant.parse("2022-09-23T09:02:21Z"));
    }

    @Test
    void shouldWriteAddTopicUserExactlyAsPushplus() {
        assertThat(new String(AccountCallbacks.body(topicMember("tmu_1")), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"event\":\"add_topic_user\",\"topicUserInfo\":{\"id\":25,\"openId\":\"oEdHX0000000000aWDg\","
                                + "\"topicId\":2,\"userSex\":1,\"isFollow\":1,\"nickName\":\"陈大人\",\"havePhone\":1,"
                                + "\"topicCode\":\"123\",\"topicName\":\"123\","
                                + "\"headImgUrl\":\"https://thirdwx.qlogo.cn/mmopen/avatar\",\"emailStatus\":2}}");
    }

    @Test
    void shouldWriteAddFriendExactlyAsPushplusWithBeijingCreateTime() {
        assertThat(new String(AccountCallbacks.body(friend("frd_1")), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"event\":\"add_friend\",\"qrCode\":\"自定义参数\",\"friendInfo\":{"
                                + "\"token\":\"5813c18bb0fa462789028312dae30224\",\"friendId\":5,\"isFollow\":1,"
                                + "\"nickName\":\"\",\"havePhone\":0,\"createTime\":\"2022-09-23 17:02:21\",\"emailStatus\":0}}");
    }

    @Test
    void shouldGoToTheAccountUrlWithTheEventIdAsWebhookId() {
        CallbackRequest request = AccountCallbacks.request(friend("frd_4c1e9a512b7c1d9e"));

        assertThat(request.url()).isNull();
        assertThat(request.accountId()).isEqualTo(ACCOUNT);
        assertThat(request.webhookId()).isEqualTo("frd_4c1e9a512b7c1d9e");
        assertThat(request.kind()).isEqualTo("add_friend");
    }
}
