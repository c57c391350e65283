package org.herald.sandbox.ifttt;

import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.inbox.Inbox;
import org.herald.sandbox.inbox.Incoming;
import org.herald.sandbox.notify.Answers;
import org.herald.sandbox.notify.Fields;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fake IFTTT Maker Webhooks (reference §4.2): {@code POST|GET /trigger/{event}/with/key/{key}} (only
 * {@code value1..3} are used) and {@code POST /trigger/{event}/json/with/key/{key}} (any JSON
 * object). Success is 200 with IFTTT's plain-text "Congratulations!"; a bad key is 401 with
 * {@code {"errors":[{"message":…}]}}. Scripted 429s carry {@code Retry-After: 1}.
 */
@RestController
class IftttController {

    static final String TARGET = "ifttt";

    /** Maker keys are about 22 URL-safe characters. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private static final Pattern EVENT = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final Inbox inbox;
    private final ScriptedFailures failures;

    IftttController(Inbox inbox, ScriptedFailures failures) {
        this.inbox = inbox;
        this.failures = failures;
    }

    /** IFTTT also takes the classic trigger as a GET with {@code value1..3} in the query. */
    @RequestMapping(
            value = "/trigger/{event}/with/key/{key}",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> trigger(@PathVariable String event, @PathVariable String key, HttpServletRequest request) {
        return receive(event, key, false, Incoming.of(request));
    }

    @PostMapping("/trigger/{event}/json/with/key/{key}")
    ResponseEntity<String> triggerJson(
            @PathVariable String event, @PathVariable String key, HttpServletRequest request) {
        return receive(event, key, true, Incoming.of(request));
    }

    private ResponseEntity<String> receive(String event, String key, boolean json, Incoming incoming) {
        OptionalInt failure = failures.nextFailure(TARGET, event);
        if (failure.isPresent()) {
            int status = failure.getAsInt();
            inbox.add(TARGET, incoming, status, "scripted failure");
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
            if (status == 429) {
                answer.header(HttpHeaders.RETRY_AFTER, "1");
            }
            return answer.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(errors("scripted failure"));
        }
        if (!KEY.matcher(key).matches()) {
            inbox.add(TARGET, incoming, 401, "refused: invalid key");
            return Answers.json(401, errors("You sent an invalid key."));
        }
        if (!EVENT.matcher(event).matches()) {
            inbox.add(TARGET, incoming, 400, "refused: invalid event name");
            return Answers.json(400, errors("Invalid event name."));
        }
        Fields fields = Fields.of(incoming);
        if (json && (!fields.readable() || incoming.body().length == 0)) {
            inbox.add(TARGET, incoming, 400, "refused: body is not a JSON object");
            return Answers.json(400, errors("Request body must be a JSON object."));
        }
        inbox.add(TARGET, incoming, 200, json ? "accepted (JsonPayload)" : "accepted");
        return Answers.text(200, "Congratulations! You've fired the " + event + (json ? " json" : "") + " event");
    }

    private static String errors(String message) {
        return "{\"errors\":[{\"message\":" + Answers.quote(message) + "}]}";
    }
}
