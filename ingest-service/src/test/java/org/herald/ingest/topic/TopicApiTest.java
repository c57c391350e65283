package org.herald.ingest.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.account.AccountEvent;
import org.herald.events.account.TopicMemberAdded;
import org.herald.events.topic.Topics;
import org.herald.ingest.KafkaProbe;
import org.herald.ingest.audience.AudienceIntegrationTest;
import org.herald.transport.EventReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TopicApiTest extends AudienceIntegrationTest {

    private final EventReader reader = new EventReader();

    @Test
    void shouldCreateListShowEditAndDeleteATopic() {
        TestAccount account = newAccount();
        String key = accessKey(account);

        long id = ok(openPost(
                        key,
                        "/api/open/topic/add",
                        Map.of(
                                "topicCode", "ops",
                                "topicName", "运维告警",
                                "contact", "ops@example.com",
                                "introduction", "告警",
                                "receiptMessage", "欢迎")))
                .asLong();
        refused(openPost(key, "/api/open/topic/add", Map.of("topicCode", "ops", "topicName", "again")), "群组编码已存在: ops");
        refused(openPost(key, "/api/open/topic/add", Map.of("topicName", "no code")), "topicCode不能为空");

        JsonNode list = ok(openPost(
                key, "/api/open/topic/list", Map.of("current", 1, "pageSize", 20, "params", Map.of("topicType", 0))));
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("pages").asLong()).isEqualTo(1);
        JsonNode row = list.get("list").get(0);
        assertThat(row.get("topicId").asLong()).isEqualTo(id);
        assertThat(row.get("topicCode").asString()).isEqualTo("ops");
        assertThat(row.get("topicName").asString()).isEqualTo("运维告警");
        assertThat(row.get("createTime").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

        ok(openPost(key, "/api/open/topic/editTopic", Map.of("topic", id, "topicName", "告警群")));
        JsonNode detail = ok(openGet(key, "/api/open/topic/detail?topicId=" + id));
        assertThat(detail.get("topicName").asString()).isEqualTo("告警群");
        assertThat(detail.get("contact").asString()).isEqualTo("ops@example.com");
        assertThat(detail.get("receiptMessage").asString()).isEqualTo("欢迎");
        assertThat(detail.get("topicUserCount").asLong()).isZero();
        assertThat(detail.has("qrCodeImgUrl")).isTrue();

        TestAccount stranger = newAccount();
        refused(openGet(accessKey(stranger), "/api/open/topic/detail?topicId=" + id), "群组不存在");

        assertThat(ok(openGet(key, "/api/open/topic/delete?topicId=" + id)).asString())
                .isEqualTo("群组删除成功");
        refused(openGet(key, "/api/open/topic/detail?topicId=" + id), "群组不存在");
    }

    @Test
    void shouldJoinSubscribersAnnounceThemAndListThemPaged() {
        TestAccount owner = newAccount();
        String key = accessKey(owner);
        long topicId = addTopic(key, "news", "新闻");

        long first = join(
                owner,
                "news",
                Map.of("openId", "oNews1", "nickName", "陈大人", "email", "chen@example.com", "userSex", 1));
        for (int i = 2; i <= 25; i++) {
            join(owner, "news", Map.of("openId", "oNews" + i));
        }
        // Joining again with the same identity is the same subscription.
        assertThat(join(owner, "news", Map.of("openId", "oNews1"))).isEqualTo(first);

        ConsumerRecord<String, byte[]> record = KafkaProbe.await(Topics.ACCOUNT_EVENTS.name(), r -> {
            AccountEvent event = reader.read(Topics.ACCOUNT_EVENTS, r).data();
            return event instanceof TopicMemberAdded added && added.membershipId() == first;
        });
        assertThat(record.key()).isEqualTo(owner.accountId());
        TopicMemberAdded added =
                (TopicMemberAdded) reader.read(Topics.ACCOUNT_EVENTS, record).data();
        assertThat(added.accountId()).isEqualTo(UUID.fromString(owner.accountId()));
        assertThat(added.topicId()).isEqualTo(topicId);
        assertThat(added.topicCode()).isEqualTo("news");
        assertThat(added.topicName()).isEqualTo("新闻");
        assertThat(added.openId()).isEqualTo("oNews1");
        assertThat(added.nickName()).isEqualTo("陈大人");
        assertThat(added.userSex()).isEqualTo(1);
        assertThat(added.isFollow()).isEqualTo(1);
        assertThat(added.havePhone()).isZero();
        assertThat(added.emailStatus()).isEqualTo(2);
        assertThat(added.eventId()).startsWith("tmu_" + first + "_");
        assertThat(KafkaProbe.readAll(Topics.ACCOUNT_EVENTS.name()))
                .filteredOn(r -> reader.read(Topics.ACCOUNT_EVENTS, r).data() instanceof TopicMemberAdded m
                        && m.membershipId() == first)
                .extracting(r -> KafkaProbe.header(r, "ce_id"))
                .containsOnly(added.eventId());

        JsonNode page = ok(openPost(
                key,
                "/api/open/topicUser/subscriberList",
                Map.of("current", 2, "pageSize", 10, "params", Map.of("topicId", topicId))));
        assertThat(page.get("pageNum").asInt()).isEqualTo(2);
        assertThat(page.get("pageSize").asInt()).isEqualTo(10);
        assertThat(page.get("total").asLong()).isEqualTo(25);
        assertThat(page.get("pages").asLong()).isEqualTo(3);
        assertThat(page.get("list")).hasSize(10);
        assertThat(page.get("list").get(0).get("openId").asString()).isEqualTo("oNews11");
        JsonNode firstRow = ok(openPost(
                        key, "/api/open/topicUser/subscriberList", Map.of("params", Map.of("topicId", topicId))))
                .get("list")
                .get(0);
        assertThat(firstRow.get("id").asLong()).isEqualTo(first);
        assertThat(firstRow.get("nickName").asString()).isEqualTo("陈大人");
        assertThat(firstRow.get("emailStatus").asInt()).isEqualTo(2);
        assertThat(firstRow.get("isFollow").asInt()).isEqualTo(1);
        assertThat(firstRow.get("havePhone").asInt()).isZero();
        assertThat(firstRow.get("followTime").asString()).isNotBlank();

        assertThat(ok(http().send(
                                        "POST",
                                        "/api/open/topicUser/deleteTopicUser?topicRelationId=" + first,
                                        null,
                                        null,
                                        Map.of("access-key", key))
                                .json())
                        .asString())
                .isEqualTo("删除成功");
        assertThat(ok(openGet(key, "/api/open/topic/detail?topicId=" + topicId))
                        .get("topicUserCount")
                        .asLong())
                .isEqualTo(24);
    }

    @Test
    void shouldLetAHeraldUserSeeLeaveAndRejoinATopic() {
        TestAccount owner = newAccount();
        TestAccount member = newAccount();
        long topicId = addTopic(accessKey(owner), "team", "团队");
        long relation = join(owner, "team", Map.of("accountId", member.accountId()));
        String memberKey = accessKey(member);

        JsonNode joined = ok(openPost(memberKey, "/api/open/topic/list", Map.of("params", Map.of("topicType", 1))));
        assertThat(joined.get("total").asLong()).isEqualTo(1);
        assertThat(joined.get("list").get(0).get("topicCode").asString()).isEqualTo("team");
        assertThat(ok(openGet(memberKey, "/api/open/topic/joinTopicDetail?topicId=" + topicId))
                        .get("topicName")
                        .asString())
                .isEqualTo("团队");

        assertThat(ok(openGet(memberKey, "/api/open/topic/exitTopic?topicId=" + topicId))
                        .asString())
                .isEqualTo("退订成功");
        refused(openGet(memberKey, "/api/open/topic/exitTopic?topicId=" + topicId), "未加入该群组");
        assertThat(ok(openPost(memberKey, "/api/open/topic/list", Map.of("params", Map.of("topicType", 1))))
                        .get("total")
                        .asLong())
                .isZero();

        assertThat(join(owner, "team", Map.of("accountId", member.accountId()))).isEqualTo(relation);
        ok(admin("DELETE", "/api/admin/accounts/" + owner.accountId() + "/topics/team/subscribers/" + relation, null));
        assertThat(ok(openGet(accessKey(owner), "/api/open/topic/detail?topicId=" + topicId))
                        .get("topicUserCount")
                        .asLong())
                .isZero();
    }

    @Test
    void shouldKeepTheOwnersRemarkOnASubscriberAndRefuseItForAnyoneElsesOrALeftOne() {
        TestAccount owner = newAccount();
        String key = accessKey(owner);
        long topicId = addTopic(key, "remarks", "备注");
        long relation = join(owner, "remarks", Map.of("openId", "oRemark1", "nickName", "老王"));

        ok(openPost(key, "/api/open/topicUser/editRemark", Map.of("id", relation, "remark", "  机房值班  ")));
        refused(
                openPost(key, "/api/open/topicUser/editRemark", Map.of("id", relation, "remark", "备".repeat(21))),
                "remark长度不能超过20个字符");
        refused(openPost(key, "/api/open/topicUser/editRemark", Map.of("remark", "无编号")), "id不能为空");
        refused(
                openPost(
                        accessKey(newAccount()),
                        "/api/open/topicUser/editRemark",
                        Map.of("id", relation, "remark", "别人的")),
                "订阅者不存在");
        JsonNode row = ok(openPost(
                        key, "/api/open/topicUser/subscriberList", Map.of("params", Map.of("topicId", topicId))))
                .get("list")
                .get(0);
        assertThat(row.get("id").asLong()).isEqualTo(relation);
        assertThat(row.get("remark").asString()).isEqualTo("机房值班");

        ok(http().send(
                        "POST",
                        "/api/open/topicUser/deleteTopicUser?topicRelationId=" + relation,
                        null,
                        null,
                        Map.of("access-key", key))
                .json());
        refused(openPost(key, "/api/open/topicUser/editRemark", Map.of("id", relation, "remark", "已删除")), "订阅者不存在");
    }

    @Test
    void shouldAnswerClearlyWhatIsNotAvailableOrNotAllowed() {
        TestAccount owner = newAccount();
        String key = accessKey(owner);
        long topicId = addTopic(key, "qr", "扫码");

        JsonNode qr = openGet(key, "/api/open/topic/qrCode?topicId=" + topicId);
        assertThat(qr.get("code").asInt()).isEqualTo(999);
        assertThat(qr.get("msg").asString()).startsWith("暂未开放");
        assertThat(openPost("wrong-key", "/api/open/topic/list", Map.of())
                        .get("code")
                        .asInt())
                .isEqualTo(401);

        Map<String, Object> nobody = new HashMap<>();
        refused(
                admin("POST", "/api/admin/accounts/" + owner.accountId() + "/topics/qr/subscribers", nobody),
                "需要accountId或至少一种联系方式（openId、wecomUserId、email、phone）");
        refused(
                admin(
                        "POST",
                        "/api/admin/accounts/" + owner.accountId() + "/topics/none/subscribers",
                        Map.of("openId", "o1")),
                "群组不存在: none");
        refused(
                admin(
                        "POST",
                        "/api/admin/accounts/" + owner.accountId() + "/topics/qr/subscribers",
                        Map.of("email", "x")),
                "email格式不正确");
        assertThat(http().postJson(
                                "/api/admin/accounts/" + owner.accountId() + "/topics/qr/subscribers",
                                Map.of("openId", "o1"),
                                Map.of())
                        .status())
                .isEqualTo(401);
        assertThat(ok(openPost(key, "/api/open/topicUser/subscriberList", Map.of("params", Map.of("topicId", topicId))))
                        .get("total")
                        .asLong())
                .isZero();
    }
}
