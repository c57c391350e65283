package org.herald.sandbox.wxpusher;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.inbox.Inbox;
import org.herald.sandbox.inbox.Incoming;
import org.herald.sandbox.notify.Answers;
import org.herald.sandbox.notify.Fields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fake WxPusher ({@code POST /api/send/message}, WxPusher's API): JSON with {@code appToken}
 * ({@code AT_…}), {@code content} (≤ 40000 characters), optional {@code summary} (≤ 20),
 * {@code contentType} 1/2/3 and {@code uids} ({@code UID_…}) and/or {@code topicIds}. Always HTTP
 * 200: {@code code} 1000 with {@code success} true and one result per recipient (an unknown uid gets
 * its own failure code), or a request-level error code. The error codes are the fake's own:
 * WxPusher's are not in the reference.
 */
@RestController
class WxPusherController {

    static final String TARGET = "wxpusher";
    static final int SUCCESS = 1000;
    static final int REFUSED = 1001;
    static final int CONTENT_MAX_CHARS = 40_000;
    static final int SUMMARY_MAX_CHARS = 20;

    private static final Pattern APP_TOKEN = Pattern.compile("AT_[A-Za-z0-9]{16,}");
    private static final Pattern UID = Pattern.compile("UID_[A-Za-z0-9]{16,}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Inbox inbox;
    private final ScriptedFailures failures;
    private final AtomicLong ids = new AtomicLong(100_000);

    WxPusherController(Inbox inbox, ScriptedFailures failures) {
        this.inbox = inbox;
        this.failures = failures;
    }

    @PostMapping("/api/send/message")
    ResponseEntity<String> send(HttpServletRequest request) {
        Incoming incoming = Incoming.of(request);
        Fields fields = Fields.of(incoming);
        String appToken = fields.text("appToken");
        OptionalInt failure = failures.nextFailure(TARGET, appToken);
        if (failure.isPresent()) {
            int status = failure.getAsInt();
            inbox.add(TARGET, incoming, status, "scripted failure");
            return Answers.json(status, error(status, "scripted failure"));
        }
        if (!fields.readable()) {
            return refuse(incoming, "请求体不是JSON");
        }
        if (!APP_TOKEN.matcher(appToken).matches()) {
            return refuse(incoming, "appToken不正确");
        }
        String content = fields.text("content");
        if (content.isBlank()) {
            return refuse(incoming, "content不能为空");
        }
        if (content.length() > CONTENT_MAX_CHARS) {
            return refuse(incoming, "content长度不能超过" + CONTENT_MAX_CHARS);
        }
        if (fields.text("summary").length() > SUMMARY_MAX_CHARS) {
            return refuse(incoming, "summary长度不能超过" + SUMMARY_MAX_CHARS);
        }
        List<JsonNode> uids = list(fields.values().get("uids"));
        List<JsonNode> topicIds = list(fields.values().get("topicIds"));
        if (uids.isEmpty() && topicIds.isEmpty()) {
            return refuse(incoming, "uids和topicIds不能同时为空");
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("code", SUCCESS);
        answer.put("msg", "处理成功");
        ArrayNode data = answer.putArray("data");
        long contentId = ids.incrementAndGet();
        int accepted = 0;
        for (JsonNode uid : uids) {
            boolean known = UID.matcher(uid.asString("")).matches();
            accepted += known ? 1 : 0;
            result(data, contentId, uid.asString(""), null, known);
        }
        for (JsonNode topicId : topicIds) {
            boolean known = topicId.isIntegralNumber() && topicId.asLong(0) > 0;
            accepted += known ? 1 : 0;
            result(data, contentId, null, topicId.asString(""), known);
        }
        answer.put("success", true);
        inbox.add(TARGET, incoming, 200, accepted == 0 ? "refused: no known recipient" : "accepted");
        return Answers.json(200, JSON.writeValueAsString(answer));
    }

    private void result(ArrayNode data, long contentId, String uid, String topicId, boolean known) {
        ObjectNode result = data.addObject();
        result.put("uid", uid);
        result.put("topicId", topicId);
        result.put("messageId", known ? ids.incrementAndGet() : null);
        result.put("messageContentId", contentId);
        result.put("sendRecordId", known ? ids.incrementAndGet() : null);
        result.put("code", known ? SUCCESS : REFUSED);
        result.put("status", known ? "创建发送任务成功" : (uid != null ? "uid不存在" : "topicId不存在"));
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(values::add);
        }
        return values;
    }

    private ResponseEntity<String> refuse(Incoming incoming, String message) {
        inbox.add(TARGET, incoming, 200, "refused: code " + REFUSED + " " + message);
        return Answers.json(200, error(REFUSED, message));
    }

    private static String error(int code, String message) {
        return "{\"code\":" + code + ",\"msg\":" + Answers.quote(message) + ",\"data\":null,\"success\":false}";
    }
}
