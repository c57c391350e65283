package org.herald.sandbox.wecom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.herald.sandbox.behaviour.RateWindows;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.inbox.Inbox;
import org.herald.sandbox.inbox.Incoming;
import org.herald.sandbox.robot.RobotRegistry;
import org.herald.sandbox.robot.ScriptedAnswer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fake WeCom group robot (reference §1): {@code POST /cgi-bin/webhook/send?key=}. Always HTTP 200;
 * the result is in {@code errcode}: unknown key 93000, over 20 per minute 45009, content over its
 * byte limit (text 2048, markdown and markdown_v2 4096) 40058, unknown msgtype 40008.
 */
@RestController
class WecomRobotController {

    static final String TARGET = "wecom";
    static final Map<String, Integer> LIMITS = Map.of("text", 2048, "markdown", 4096, "markdown_v2", 4096);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The real messages end in a hint and the caller's IP; clients must not show them. */
    private static final String SUFFIX = ", hint: [1700000000000000000000000], from ip: 203.0.113.7, "
            + "more info at https://open.work.weixin.qq.com/devtool/query?e=";

    private final Inbox inbox;
    private final ScriptedFailures failures;
    private final RateWindows windows;

    WecomRobotController(Inbox inbox, ScriptedFailures failures, RateWindows windows) {
        this.inbox = inbox;
        this.failures = failures;
        this.windows = windows;
    }

    @PostMapping("/cgi-bin/webhook/send")
    ResponseEntity<String> send(
            @RequestParam(name = "key", required = false) String key,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Incoming incoming = Incoming.of(request);
        Optional<ResponseEntity<String>> scripted = ScriptedAnswer.play(
                failures,
                inbox,
                TARGET,
                String.valueOf(key),
                incoming,
                response,
                (status, code, message) -> answer(incoming, status, code, message));
        if (scripted.isPresent()) {
            return scripted.get();
        }
        if (RobotRegistry.unknown(key)) {
            return answer(incoming, 200, 93000, "invalid webhook url");
        }
        JsonNode body = parse(incoming.body());
        String msgtype = body == null || !body.path("msgtype").isString()
                ? ""
                : body.path("msgtype").asString();
        Integer limit = LIMITS.get(msgtype);
        if (limit == null) {
            return answer(incoming, 200, 40008, "invalid message type");
        }
        String content = body.path(msgtype).path("content").asString("");
        if (content.isEmpty()) {
            return answer(incoming, 200, 44004, "empty content");
        }
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limit) {
            return answer(incoming, 200, 40058, msgtype + ".content exceed max length " + limit + ". Invalid input");
        }
        if (windows.admit(TARGET + "/" + key, new RateWindows.Window(20, Duration.ofMinutes(1)))
                .isPresent()) {
            return answer(incoming, 200, 45009, "api freq out of limit");
        }
        return answer(incoming, 200, 0, "ok");
    }

    private ResponseEntity<String> answer(Incoming incoming, int status, int errcode, String errmsg) {
        String message = errcode == 0 ? "ok" : errmsg + SUFFIX + errcode;
        inbox.add(TARGET, incoming, status, errcode == 0 ? "accepted" : "errcode " + errcode + ": " + errmsg);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(
                        JSON.createObjectNode().put("errcode", errcode).put("errmsg", message)));
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
