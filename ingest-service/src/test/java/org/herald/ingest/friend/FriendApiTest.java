package org.herald.ingest.friend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.account.FriendAdded;
import org.herald.events.topic.Topics;
import org.herald.ingest.KafkaProbe;
import org.herald.ingest.audience.AudienceIntegrationTest;
import org.herald.transport.EventReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FriendApiTest extends AudienceIntegrationTest {

    private final EventReader reader = new EventReader();

    @Test
    void shouldAddAFriendAnnounceItAndListEditAndDeleteIt() {
        TestAccount owner = newAccount();
        String key = accessKey(owner);

        JsonNode friend = ok(admin(
                "POST",
                "/api/admin/accounts/" + owner.accountId() + "/friends",
                Map.of("openId", "oFriend1", "nickName", "小王", "phone", "13800138000", "qrCode", "自定义参数")));
        long friendId = friend.get("friendId").asLong();
        String token = friend.get("token").asString();
        assertThat(token).matches("[0-9a-f]{32}");
        // The same person again is the same friend, with the same token.
        JsonNode again = ok(
                admin("POST", "/api/admin/accounts/" + owner.accountId() + "/friends", Map.of("openId", "oFriend1")));
        assertThat(again.get("token").asString()).isEqualTo(token);

        ConsumerRecord<String, byte[]> record = KafkaProbe.await(
                Topics.ACCOUNT_EVENTS.name(), r -> ("frd_" + friendId).equals(KafkaProbe.header(r, "ce_id")));
        assertThat(record.key()).isEqualTo(owner.accountId());
        FriendAdded added =
                (FriendAdded) reader.read(Topics.ACCOUNT_EVENTS, record).data();
        assertThat(added.accountId()).isEqualTo(UUID.fromString(owner.accountId()));
        assertThat(added.friendId()).isEqualTo(friendId);
        assertThat(added.friendToken()).isEqualTo(token);
        assertThat(added.qrCode()).isEqualTo("自定义参数");
        assertThat(added.nickName()).isEqualTo("小王");
        assertThat(added.isFollow()).isEqualTo(1);
        assertThat(added.havePhone()).isEqualTo(1);
        assertThat(added.emailStatus()).isZero();

        JsonNode list = ok(openPost(key, "/api/open/friend/list", Map.of("current", 1, "pageSize", 10)));
        assertThat(list.get("total").asLong()).isEqualTo(1);
        JsonNode row = list.get("list").get(0);
        assertThat(row.get("id").asLong()).isEqualTo(friendId);
        assertThat(row.get("token").asString()).isEqualTo(token);
        assertThat(row.get("nickName").asString()).isEqualTo("小王");
        assertThat(row.get("havePhone").asInt()).isEqualTo(1);
        assertThat(row.get("createTime").asString()).isNotBlank();

        ok(openPost(key, "/api/open/friend/editRemark", Map.of("id", friendId, "remark", "同事")));
        assertThat(ok(openPost(key, "/api/open/friend/list", Map.of()))
                        .get("list")
                        .get(0)
                        .get("remark")
                        .asString())
                .isEqualTo("同事");

        TestAccount stranger = newAccount();
        refused(openGet(accessKey(stranger), "/api/open/friend/deleteFriend?friendId=" + friendId), "好友不存在");
        ok(openGet(key, "/api/open/friend/deleteFriend?friendId=" + friendId));
        assertThat(ok(openPost(key, "/api/open/friend/list", Map.of()))
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void shouldRefuseTheQrCodeUntilWechatArrivesAndBadFriends() {
        TestAccount owner = newAccount();
        JsonNode qr = openGet(accessKey(owner), "/api/open/friend/getQrCode?content=x");
        assertThat(qr.get("code").asInt()).isEqualTo(999);
        assertThat(qr.get("msg").asString()).startsWith("暂未开放");

        refused(
                admin(
                        "POST",
                        "/api/admin/accounts/" + owner.accountId() + "/friends",
                        Map.of("accountId", owner.accountId())),
                "不能添加自己为好友");
        refused(
                admin("POST", "/api/admin/accounts/" + UUID.randomUUID() + "/friends", Map.of("openId", "o1")),
                "账户不存在");
    }
}
