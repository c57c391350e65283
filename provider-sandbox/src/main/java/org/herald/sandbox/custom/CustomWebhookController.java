package org.herald.sandbox.custom;

import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalInt;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.inbox.Inbox;
import org.herald.sandbox.inbox.Incoming;
import org.herald.sandbox.notify.Answers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's own endpoint for the custom webhook type: {@code /custom/{hook}} with any method, any
 * body and any headers, recorded as they arrived so a test or a person can check the filled
 * template. Answers 200 (custom targets succeed on HTTP 2xx, reference §4.7); scripted 429 and 503
 * carry {@code Retry-After: 1}.
 */
@RestController
class CustomWebhookController {

    static final String TARGET = "custom";

    private final Inbox inbox;
    private final ScriptedFailures failures;

    CustomWebhookController(Inbox inbox, ScriptedFailures failures) {
        this.inbox = inbox;
        this.failures = failures;
    }

    @RequestMapping("/custom/{hook}")
    ResponseEntity<String> receive(@PathVariable String hook, HttpServletRequest request) {
        Incoming incoming = Incoming.of(request);
        OptionalInt failure = failures.nextFailure(TARGET, hook);
        if (failure.isPresent()) {
            int status = failure.getAsInt();
            inbox.add(TARGET, incoming, status, "scripted failure");
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
            if (status == 429 || status == 503) {
                answer.header(HttpHeaders.RETRY_AFTER, "1");
            }
            return answer.contentType(MediaType.APPLICATION_JSON).body("{\"error\":\"scripted failure\"}");
        }
        inbox.add(TARGET, incoming, 200, "accepted");
        return Answers.json(200, "{\"received\":true}");
    }
}
