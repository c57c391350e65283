package org.herald.ingest.openapi;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.herald.ingest.api.Envelope;
import org.herald.ingest.api.PushplusException;
import org.herald.ingest.message.MessageRecord;
import org.herald.ingest.message.MessageRepository;
import org.herald.ingest.retention.MessageRetention;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pushplus open API, as far as the walking skeleton needs it. */
@RestController
class OpenApiController {

    /** pushplus shows times in China time without a zone. */
    static final DateTimeFormatter PUSHPLUS_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final AccessKeyService accessKeys;
    private final MessageRepository messages;
    private final MessageRetention retention;

    OpenApiController(AccessKeyService accessKeys, MessageRepository messages, MessageRetention retention) {
        this.accessKeys = accessKeys;
        this.messages = messages;
        this.retention = retention;
    }

    @PostMapping("/api/common/openApi/getAccessKey")
    Envelope getAccessKey(@RequestBody(required = false) KeyRequest request) {
        KeyRequest body = request == null ? new KeyRequest(null, null) : request;
        return Envelope.executed(accessKeys.issue(body.token(), body.secretKey()));
    }

    @GetMapping("/api/open/message/sendMessageResult")
    Envelope sendMessageResult(
            @RequestHeader(name = "access-key", required = false) String accessKey,
            @RequestParam(required = false) String shortCode) {
        UUID accountId = accessKeys.authenticate(accessKey);
        if (shortCode == null || shortCode.isBlank()) {
            throw PushplusException.invalid("shortCode不能为空");
        }
        // Someone else's message is "not found" too: its existence is not the caller's business.
        MessageRecord message = messages.findVisible(shortCode.trim(), retention.cutoff())
                .filter(found -> found.accountId().equals(accountId))
                .orElseThrow(() -> PushplusException.invalid("消息不存在"));
        return Envelope.executed(
                new SendResult(message.status(), message.errorMessage(), PUSHPLUS_TIME.format(message.updatedAt())));
    }

    record KeyRequest(String token, String secretKey) {}

    record SendResult(int status, String errorMessage, String updateTime) {}
}
