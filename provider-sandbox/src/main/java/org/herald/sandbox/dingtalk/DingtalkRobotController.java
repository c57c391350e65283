package org.herald.sandbox.dingtalk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.herald.sandbox.behaviour.RateWindows;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.inbox.Inbox;
import org.herald.sandbox.inbox.Incoming;
import org.herald.sandbox.robot.RobotRegistry;
import org.herald.sandbox.robot.RobotRegistry.Robot;
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
 * Fake DingTalk custom robot (reference §2): {@code POST /robot/send?access_token=[&timestamp=&sign=]}.
 * Recomputes the signature of a robot registered with a secret (310000 sign not match / invalid
 * timestamp beyond one hour), checks its keywords (310000 keywords not in content), unknown token
 * 300005, body over 20000 bytes 460101, over 20 per minute 130101. Always HTTP 200.
 */
@RestController
class DingtalkRobotController {

    static final String TARGET = "dingtalk";
    static final int MAX_BODY_BYTES = 20_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Inbox inbox;
    private final ScriptedFailures failures;
    private final RateWindows windows;
    private final RobotRegistry robots;
    private final Clock clock = Clock.systemUTC();

    DingtalkRobotController(Inbox inbox, ScriptedFailures failures, RateWindows windows, RobotRegistry robots) {
        this.inbox = inbox;
        this.failures = failures;
        this.windows = windows;
        this.robots = robots;
    }

    @PostMapping("/robot/send")
    ResponseEntity<String> send(
            @RequestParam(name = "access_token", required = false) String token,
            @RequestParam(name = "timestamp", required = false) String timestamp,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Incoming incoming = Incoming.of(request);
        Optional<ResponseEntity<String>> scripted = ScriptedAnswer.play(
                failures,
                inbox,
                TARGET,
                String.valueOf(token),
                incoming,
                response,
                (status, code, message) -> answer(incoming, status, code, message));
        if (scripted.isPresent()) {
            return scripted.get();
        }
        if (token == null || token.isBlank()) {
            return answer(incoming, 200, 40035, "缺少参数 access_token");
        }
        if (RobotRegistry.unknown(token)) {
            return answer(incoming, 200, 300005, "token is not exist");
        }
        Robot robot = robots.find(TARGET, token).orElse(new Robot(null, null));
        if (robot.secret() != null) {
            // The sign is read from the raw query: Spring would turn its '+' into a space.
            String sign = rawParameter(request.getQueryString(), "sign");
            if (timestamp == null || sign == null || !timestamp.matches("\\d{1,15}")) {
                return answer(incoming, 200, 310000, "sign not match");
            }
            if (Math.abs(clock.millis() - Long.parseLong(timestamp))
                    > Duration.ofHours(1).toMillis()) {
                return answer(incoming, 200, 310000, "invalid timestamp");
            }
            if (!MessageDigest.isEqual(
                    expectedSign(robot.secret(), timestamp).getBytes(StandardCharsets.UTF_8),
                    sign.getBytes(StandardCharsets.UTF_8))) {
                return answer(incoming, 200, 310000, "sign not match");
            }
        }
        if (incoming.body().length > MAX_BODY_BYTES) {
            return answer(incoming, 200, 460101, "message too long, exceed 20000 bytes");
        }
        JsonNode body = parse(incoming.body());
        String msgtype = body == null ? "" : body.path("msgtype").asString("");
        String text;
        if (msgtype.equals("text")) {
            text = body.path("text").path("content").asString("");
        } else if (msgtype.equals("markdown")) {
            text = body.path("markdown").path("title").asString("") + "\n"
                    + body.path("markdown").path("text").asString("");
        } else {
            return answer(incoming, 200, 40036, "不合法的消息类型");
        }
        if (!robot.keywords().isEmpty() && robot.keywords().stream().noneMatch(text::contains)) {
            return answer(incoming, 200, 310000, "keywords not in content");
        }
        if (windows.admit(TARGET + "/" + token, new RateWindows.Window(20, Duration.ofMinutes(1)))
                .isPresent()) {
            return answer(incoming, 200, 130101, "send too fast, exceed 20 times per minute");
        }
        return answer(incoming, 200, 0, "ok");
    }

    /** Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)), before URL-encoding. */
    static String expectedSign(String secret, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rawParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private ResponseEntity<String> answer(Incoming incoming, int status, int errcode, String errmsg) {
        inbox.add(TARGET, incoming, status, errcode == 0 ? "accepted" : "errcode " + errcode + ": " + errmsg);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(
                        JSON.createObjectNode().put("errcode", errcode).put("errmsg", errmsg)));
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
