package org.herald.ingest.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.herald.ingest.api.Envelope;
import org.herald.ingest.api.PushplusException;
import org.herald.ingest.message.MessageRecord;
import org.herald.ingest.message.MessageRepository;
import org.herald.ingest.retention.MessageRetention;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The open API's message list and deletion; expired and deleted messages are simply not there. */
@RestController
class OpenMessageController {

    private final MessageRepository messages;
    private final MessageRetention retention;

    OpenMessageController(MessageRepository messages, MessageRetention retention) {
        this.messages = messages;
        this.retention = retention;
    }

    @PostMapping("/api/open/message/list")
    Envelope list(@OpenApiAccount UUID accountId, @RequestBody(required = false) Paging.PageRequest request) {
        Paging.PageRequest paging = Paging.PageRequest.orDefault(request);
        var notBefore = retention.cutoff();
        var rows = messages.page(accountId, notBefore, paging.offset(), paging.size()).stream()
                .map(OpenMessageController::row)
                .toList();
        return Envelope.executed(paging.page(rows, messages.count(accountId, notBefore)));
    }

    @DeleteMapping("/api/open/message/deleteMessage")
    Envelope deleteMessage(@OpenApiAccount UUID accountId, @RequestParam(required = false) String shortCode) {
        if (shortCode == null || shortCode.isBlank()) {
            throw PushplusException.invalid("shortCode不能为空");
        }
        String code = shortCode.trim();
        // An expired message counts as gone even before the purge deleted it.
        if (messages.findVisible(code, retention.cutoff())
                        .filter(found -> found.accountId().equals(accountId))
                        .isEmpty()
                || !messages.delete(accountId, code)) {
            throw PushplusException.invalid("消息不存在");
        }
        return Envelope.executed(null);
    }

    /**
     * One row as pushplus lists it. The read model does not record topic sends yet, so every message
     * is one-to-one (messageType 1) without a topic name.
     */
    private static Map<String, Object> row(MessageRecord message) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("topicName", "");
        row.put("messageType", 1);
        row.put("title", message.title());
        row.put("shortCode", message.shortCode());
        row.put("channel", message.channel());
        row.put("updateTime", OpenApiController.PUSHPLUS_TIME.format(message.updatedAt()));
        return row;
    }
}
