package org.herald.sandbox.callback;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.inbox.Inbox;
import org.herald.sandbox.inbox.Incoming;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's callback receiver: takes Herald's callbacks ({@code message_complate}, ...) and answers
 * the way pushplus users' receivers usually do. What it noticed missing goes into the verdict rather
 * than a refusal, like a lenient real receiver.
 */
@RestController
class CallbackReceiverController {

    static final String ACCEPTED = "{\"code\":200,\"msg\":\"success\"}";
    static final String TARGET = "callback";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Inbox inbox;
    private final ScriptedFailures failures;

    CallbackReceiverController(Inbox inbox, ScriptedFailures failures) {
        this.inbox = inbox;
        this.failures = failures;
    }

    @PostMapping("/callback/{receiver}")
    ResponseEntity<String> receive(@PathVariable String receiver, HttpServletRequest request) {
        Incoming incoming = Incoming.of(request);
        OptionalInt failure = failures.nextFailure(TARGET, receiver);
        if (failure.isPresent()) {
            int status = failure.getAsInt();
            inbox.add(TARGET, incoming, status, "scripted failure");
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"code\":" + status + ",\"msg\":\"scripted failure\"}");
        }
        inbox.add(TARGET, incoming, 200, verdict(incoming));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ACCEPTED);
    }

    private static String verdict(Incoming incoming) {
        List<String> missing = new ArrayList<>();
        if (!isJson(incoming.body())) {
            missing.add("body is not JSON");
        }
        if (!hasHeader(incoming, "webhook-id")) {
            missing.add("no webhook-id header");
        }
        if (!hasHeader(incoming, "webhook-timestamp")) {
            missing.add("no webhook-timestamp header");
        }
        return missing.isEmpty() ? "accepted" : "accepted, but " + String.join("; ", missing);
    }

    private static boolean hasHeader(Incoming incoming, String name) {
        return incoming.headers().keySet().stream().anyMatch(key -> key.equalsIgnoreCase(name));
    }

    private static boolean isJson(byte[] body) {
        try {
            return body.length > 0 && JSON.readTree(body) != null;
        } catch (JacksonException e) {
            return false;
        }
    }
}
