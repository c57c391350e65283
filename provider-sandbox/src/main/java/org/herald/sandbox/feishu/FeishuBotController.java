package org.herald.sandbox.feishu;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fake Feishu and Lark custom bots (reference §3): {@code POST /open-apis/bot/v2/hook/{token}}
 * (Feishu) and {@code POST /lark/open-apis/bot/v2/hook/{token}} (Lark). Verifies {@code timestamp}
 * and {@code sign} in the body of a bot registered with a secret (19021), keywords (19024), body
 * over 20 KB or unknown {@code msg_type} 9499 (HTTP 400), 5 per second or 100 per minute 11232,
 * unknown token 19001.
 */
@RestController
class FeishuBotController {

    static final int MAX_BODY_BYTES = 20 * 1024;
    static final Set<String> TYPES = Set.of("text", "post", "interactive", "image", "share_chat");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Inbox inbox;
    private final ScriptedFailures failures;
    private final RateWindows windows;
    private final RobotRegistry robots;
    private final Clock clock = Clock.systemUTC();

    FeishuBotController(Inbox inbox, ScriptedFailures failures, RateWindows windows, RobotRegistry robots) {
        this.inbox = inbox;
        this.failures = failures;
        this.windows = windows;
        this.robots = robots;
    }

    @PostMapping("/open-apis/bot/v2/hook/{token}")
    ResponseEntity<String> feishu(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return receive("feishu", token, request, response);
    }

    @PostMapping("/lark/open-apis/bot/v2/hook/{token}")
    ResponseEntity<String> lark(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return receive("lark", token, request, response);
    }

    private ResponseEntity<String> receive(
            String target, String token, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Incoming incoming = Incoming.of(request);
        Optional<ResponseEntity<String>> scripted = ScriptedAnswer.play(
                failures,
                inbox,
                target,
                token,
                incoming,
                response,
                (status, code, message) -> answer(target, incoming, status, code, message));
        if (scripted.isPresent()) {
            return scripted.get();
        }
        if (RobotRegistry.unknown(token)) {
            return answer(target, incoming, 200, 19001, "param invalid: incoming webhook access token invalid");
        }
        if (incoming.body().length > MAX_BODY_BYTES) {
            return answer(target, incoming, 400, 9499, "Bad Request");
        }
        JsonNode body = parse(incoming.body());
        if (body == null || !TYPES.contains(body.path("msg_type").asString(""))) {
            return answer(target, incoming, 400, 9499, "Bad Request");
        }
        Robot robot = robots.find(target, token).orElse(new Robot(null, null));
        if (robot.secret() != null && !signed(robot.secret(), body)) {
            return answer(
                    target,
                    incoming,
                    200,
                    19021,
                    "sign match fail or timestamp is not within one hour from current time");
        }
        if (!robot.keywords().isEmpty()) {
            String text = new String(incoming.body(), StandardCharsets.UTF_8);
            if (robot.keywords().stream().noneMatch(text::contains)) {
                return answer(target, incoming, 200, 19024, "Key Words Not Found");
            }
        }
        if (windows.admit(
                        target + "/" + token,
                        new RateWindows.Window(5, Duration.ofSeconds(1)),
                        new RateWindows.Window(100, Duration.ofMinutes(1)))
                .isPresent()) {
            return answer(target, incoming, 200, 11232, "frequency limited psm[lark.oapi.bot_hook]");
        }
        return answer(target, incoming, 200, 0, "success");
    }

    private boolean signed(String secret, JsonNode body) {
        String timestamp = body.path("timestamp").asString("");
        String sign = body.path("sign").asString("");
        if (!timestamp.matches("\\d{1,12}") || sign.isEmpty()) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp))
                > Duration.ofHours(1).toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(
                expectedSign(secret, timestamp).getBytes(StandardCharsets.UTF_8),
                sign.getBytes(StandardCharsets.UTF_8));
    }

    /** Base64(HmacSHA256(key = timestamp + "\n" + secret, data = empty)). */
    static String expectedSign(String secret, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<String> answer(String target, Incoming incoming, int status, int code, String msg) {
        inbox.add(target, incoming, status, code == 0 ? "accepted" : "code " + code + ": " + msg);
        ObjectNode json = JSON.createObjectNode().put("code", code).put("msg", msg);
        if (code == 0) {
            json.putObject("data");
            json.putNull("Extra");
            json.put("StatusCode", 0);
            json.put("StatusMessage", "success");
        } else {
            json.putObject("data");
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(json));
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
