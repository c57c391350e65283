package org.herald.sandbox.bark;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.inbox.Inbox;
import org.herald.sandbox.inbox.Incoming;
import org.herald.sandbox.notify.Answers;
import org.herald.sandbox.notify.Fields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fake Bark server (reference §4.3): {@code POST /{device_key}} with a JSON or form body, and
 * {@code POST /push} with {@code device_key} in the body. Device keys are the 22-character ids
 * bark-server hands out; any other key is unknown (400, as bark-server answers when the key is not
 * in its database). Success is {@code {"code":200,"message":"success","timestamp":…}}.
 */
@RestController
class BarkController {

    static final String TARGET = "bark";

    private static final Pattern DEVICE_KEY = Pattern.compile("[A-Za-z0-9]{22}");

    private final Inbox inbox;
    private final ScriptedFailures failures;
    private final Clock clock = Clock.systemUTC();

    BarkController(Inbox inbox, ScriptedFailures failures) {
        this.inbox = inbox;
        this.failures = failures;
    }

    @PostMapping("/push")
    ResponseEntity<String> push(HttpServletRequest request) {
        Incoming incoming = Incoming.of(request);
        Fields fields = Fields.of(incoming);
        return receive(fields.text("device_key"), incoming, fields);
    }

    @PostMapping("/{deviceKey:[A-Za-z0-9_-]+}")
    ResponseEntity<String> pushToKey(@PathVariable String deviceKey, HttpServletRequest request) {
        Incoming incoming = Incoming.of(request);
        return receive(deviceKey, incoming, Fields.of(incoming));
    }

    private ResponseEntity<String> receive(String deviceKey, Incoming incoming, Fields fields) {
        OptionalInt failure = failures.nextFailure(TARGET, deviceKey);
        if (failure.isPresent()) {
            int status = failure.getAsInt();
            inbox.add(TARGET, incoming, status, "scripted failure");
            return Answers.json(status, answer(status, "scripted failure"));
        }
        if (!fields.readable()) {
            inbox.add(TARGET, incoming, 400, "refused: body is not a JSON object");
            return Answers.json(400, answer(400, "request bind failed"));
        }
        if (!DEVICE_KEY.matcher(deviceKey).matches()) {
            inbox.add(TARGET, incoming, 400, "refused: unknown device key");
            return Answers.json(
                    400,
                    answer(
                            400,
                            "failed to get device token: failed to get [" + deviceKey
                                    + "] device token from database"));
        }
        inbox.add(TARGET, incoming, 200, "accepted");
        return Answers.json(200, answer(200, "success"));
    }

    private String answer(int code, String message) {
        return "{\"code\":" + code + ",\"message\":" + Answers.quote(message) + ",\"timestamp\":"
                + clock.instant().getEpochSecond() + "}";
    }
}
