package org.herald.ingest.topic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.herald.ingest.api.Envelope;
import org.herald.ingest.api.PushplusException;
import org.herald.ingest.audience.RemarkRequest;
import org.herald.ingest.openapi.AccessKeyService;
import org.herald.ingest.openapi.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pushplus open API of topics and their subscribers (pushplus-api.md §9), keyed by {@code access-key}. */
@RestController
class TopicOpenApiController {

    /** The official account a topic belongs to: Herald has none of its own yet. */
    static final String OFFICIAL_ACCOUNT = "";

    static final String QR_NOT_AVAILABLE = "暂未开放: 扫码加入群组需要微信公众号渠道(channel-wechat)，目前请由管理员通过管理API添加订阅者";

    private final AccessKeyService accessKeys;
    private final TopicService topics;

    TopicOpenApiController(AccessKeyService accessKeys, TopicService topics) {
        this.accessKeys = accessKeys;
        this.topics = topics;
    }

    @PostMapping("/api/open/topic/list")
    Envelope list(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestBody(required = false) Paging.PageRequest request) {
        UUID accountId = accessKeys.authenticate(accessKey);
        Paging.Page<TopicRepository.Listed> page = topics.list(accountId, Paging.PageRequest.orDefault(request));
        return Envelope.executed(page.map(TopicOpenApiController::summary));
    }

    @GetMapping("/api/open/topic/detail")
    Envelope detail(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestParam(required = false) String topicId) {
        UUID accountId = accessKeys.authenticate(accessKey);
        Topic topic = topics.own(accountId, TopicService.number("topicId", topicId));
        Map<String, Object> data =
                summary(new TopicRepository.Listed(topic, topic.createdAt(), topics.activeCount(topic.id())));
        data.put("qrCodeImgUrl", null);
        data.put("contact", topic.contact());
        data.put("introduction", topic.introduction());
        data.put("receiptMessage", topic.receiptMessage());
        return Envelope.executed(data);
    }

    @GetMapping("/api/open/topic/joinTopicDetail")
    Envelope joinTopicDetail(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestParam(required = false) String topicId) {
        UUID accountId = accessKeys.authenticate(accessKey);
        TopicRepository.Listed joined = topics.joined(accountId, TopicService.number("topicId", topicId));
        Map<String, Object> data = summary(joined);
        data.put("contact", joined.topic().contact());
        data.put("introduction", joined.topic().introduction());
        return Envelope.executed(data);
    }

    @PostMapping("/api/open/topic/add")
    Envelope add(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestBody(required = false) TopicService.TopicRequest request) {
        UUID accountId = accessKeys.authenticate(accessKey);
        if (request == null) {
            throw PushplusException.invalid("topicCode不能为空");
        }
        return Envelope.executed(topics.add(accountId, request));
    }

    @PostMapping("/api/open/topic/editTopic")
    Envelope edit(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestBody(required = false) TopicService.TopicRequest request) {
        UUID accountId = accessKeys.authenticate(accessKey);
        if (request == null || request.id() == null) {
            throw PushplusException.invalid("topic（群组ID）不能为空");
        }
        topics.edit(accountId, request.id(), request);
        return Envelope.executed("修改成功");
    }

    /** QR codes are WeChat's: they arrive with channel-wechat. The shape of the refusal is final. */
    @GetMapping("/api/open/topic/qrCode")
    Envelope qrCode(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestParam(required = false) String topicId) {
        UUID accountId = accessKeys.authenticate(accessKey);
        topics.own(accountId, TopicService.number("topicId", topicId));
        throw PushplusException.invalid(QR_NOT_AVAILABLE);
    }

    @GetMapping("/api/open/topic/exitTopic")
    Envelope exitTopic(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestParam(required = false) String topicId) {
        UUID accountId = accessKeys.authenticate(accessKey);
        topics.exit(accountId, TopicService.number("topicId", topicId));
        return Envelope.executed("退订成功");
    }

    @GetMapping("/api/open/topic/delete")
    Envelope delete(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestParam(required = false) String topicId) {
        UUID accountId = accessKeys.authenticate(accessKey);
        topics.delete(accountId, TopicService.number("topicId", topicId));
        return Envelope.executed("群组删除成功");
    }

    @PostMapping("/api/open/topicUser/subscriberList")
    Envelope subscriberList(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestBody(required = false) Paging.PageRequest request) {
        UUID accountId = accessKeys.authenticate(accessKey);
        Paging.Page<Subscriber> page = topics.subscribers(accountId, Paging.PageRequest.orDefault(request));
        return Envelope.executed(page.map(TopicOpenApiController::subscriber));
    }

    @PostMapping("/api/open/topicUser/deleteTopicUser")
    Envelope deleteTopicUser(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestParam(required = false) String topicRelationId) {
        UUID accountId = accessKeys.authenticate(accessKey);
        topics.removeSubscriber(accountId, TopicService.number("topicRelationId", topicRelationId));
        return Envelope.executed("删除成功");
    }

    @PostMapping("/api/open/topicUser/editRemark")
    Envelope editRemark(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestBody(required = false) RemarkRequest request) {
        UUID accountId = accessKeys.authenticate(accessKey);
        RemarkRequest body = request == null ? RemarkRequest.EMPTY : request;
        topics.editRemark(accountId, body.checkedId(), body.checkedRemark());
        return Envelope.executed(null);
    }

    private static Map<String, Object> summary(TopicRepository.Listed listed) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("topicId", listed.topic().id());
        row.put("topicCode", listed.topic().code());
        row.put("topicName", listed.topic().name());
        row.put("nickName", OFFICIAL_ACCOUNT);
        row.put("createTime", Paging.time(listed.listedAt()));
        row.put("topicUserCount", listed.userCount());
        return row;
    }

    /** pushplus's subscriber row; contacts themselves are not shown, only whether they are bound. */
    private static Map<String, Object> subscriber(Subscriber subscriber) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", subscriber.id());
        row.put("nickName", subscriber.nickName());
        row.put("openId", subscriber.contacts().openId());
        row.put("headImgUrl", subscriber.headImgUrl());
        row.put("userSex", subscriber.userSex());
        row.put("havePhone", subscriber.contacts().phone() == null ? 0 : 1);
        row.put("isFollow", TopicService.isFollow(subscriber));
        row.put("emailStatus", TopicService.emailStatus(subscriber.contacts().email()));
        row.put("followTime", Paging.time(subscriber.joinedAt()));
        row.put("remark", subscriber.remark());
        return row;
    }
}
