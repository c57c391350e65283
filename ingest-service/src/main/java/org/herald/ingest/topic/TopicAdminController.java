package org.herald.ingest.topic;

import java.util.LinkedHashMap;
import java.util.Map;
import org.herald.ingest.api.Envelope;
import org.herald.ingest.audience.PersonRequest;
import org.herald.ingest.openapi.Paging;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Joining and leaving topics on a subscriber's behalf, until subscribers scan the topic's QR code
 * with WeChat (channel-wechat). Under {@code /api/admin/**}: guarded by the admin key.
 */
@RestController
class TopicAdminController {

    private final TopicService topics;

    TopicAdminController(TopicService topics) {
        this.topics = topics;
    }

    @PostMapping("/api/admin/accounts/{accountId}/topics/{topicCode}/subscribers")
    Envelope join(
            @PathVariable String accountId,
            @PathVariable String topicCode,
            @RequestBody(required = false) PersonRequest request) {
        PersonRequest body = request == null ? PersonRequest.EMPTY : request;
        Subscriber subscriber = topics.join(accountId, topicCode, body.person());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("topicRelationId", subscriber.id());
        data.put("topicId", subscriber.topicId());
        data.put("state", subscriber.state());
        data.put("joinedAt", Paging.time(subscriber.joinedAt()));
        return Envelope.executed(data);
    }

    @DeleteMapping("/api/admin/accounts/{accountId}/topics/{topicCode}/subscribers/{topicRelationId}")
    Envelope leave(
            @PathVariable String accountId, @PathVariable String topicCode, @PathVariable String topicRelationId) {
        topics.leave(accountId, topicCode, TopicService.number("topicRelationId", topicRelationId));
        return Envelope.executed("退订成功");
    }
}
