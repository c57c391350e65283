package org.herald.sandbox.hiflow;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.behaviour.ScriptedFailures.Script;
import org.herald.sandbox.inbox.Inbox;
import org.herald.sandbox.inbox.Incoming;
import org.herald.sandbox.robot.ScriptedAnswer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fake HiFlow (腾讯云 HiFlow) and 集简云 webhook triggers: both take any JSON object POSTed to the
 * hook URL and count HTTP 2xx as accepted (reference §4.7; their success bodies are unverified, so
 * clients must not depend on them).
 */
@RestController
class AutomationWebhookController {

    static final String ACCEPTED = "{\"code\":0,\"msg\":\"success\"}";
    static final String NOT_JSON = "{\"code\":400,\"msg\":\"body is not a JSON object\"}";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Inbox inbox;
    private final ScriptedFailures failures;

    AutomationWebhookController(Inbox inbox, ScriptedFailures failures) {
        this.inbox = inbox;
        this.failures = failures;
    }

    @PostMapping("/{target:hiflow|jijyun}/{hookId}")
    ResponseEntity<String> receive(
            @PathVariable String target,
            @PathVariable String hookId,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Incoming incoming = Incoming.of(request);
        // A script slows the answer down, drops the connection or answers an HTTP status.
        Optional<Script> script = ScriptedAnswer.take(failures, target, hookId);
        if (script.isPresent() && script.get().reset()) {
            inbox.add(target, incoming, 0, "scripted connection reset");
            ScriptedAnswer.drop(response);
        }
        if (script.isPresent() && script.get().status() > 0) {
            int status = script.get().status();
            inbox.add(target, incoming, status, "scripted failure");
            return answer(status, "{\"code\":" + status + ",\"msg\":\"scripted failure\"}");
        }
        if (!isJsonObject(incoming.body())) {
            inbox.add(target, incoming, 400, "refused: body is not a JSON object");
            return answer(400, NOT_JSON);
        }
        inbox.add(target, incoming, 200, "accepted");
        return answer(200, ACCEPTED);
    }

    private static boolean isJsonObject(byte[] body) {
        try {
            return body.length > 0 && JSON.readTree(body).isObject();
        } catch (JacksonException e) {
            return false;
        }
    }

    private static ResponseEntity<String> answer(int status, String json) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json);
    }
}
