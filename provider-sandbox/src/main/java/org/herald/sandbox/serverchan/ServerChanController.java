package org.herald.sandbox.serverchan;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
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
 * Fake ServerChan (reference §4.1): Turbo {@code POST /{SENDKEY}.send} and SC3
 * {@code POST /send/{SENDKEY}.send}, form or JSON with {@code title} (required, ≤ 32 characters)
 * and Markdown {@code desp} (≤ 32 KB). Answers HTTP 200 with {@code code} 0, or a non-zero code.
 * ServerChan documents no error codes; the ones here are the fake's own (scripted failure → its
 * status as the code).
 */
@RestController
class ServerChanController {

    static final String TARGET = "serverchan";
    static final int TITLE_MAX_CHARS = 32;
    static final int DESP_MAX_BYTES = 32 * 1024;

    /** Turbo keys {@code SCT…}, SC3 keys {@code sctp{uid}t…}. */
    private static final Pattern SENDKEY = Pattern.compile("SCT\\w{4,}|sctp\\d+t\\w{4,}");

    private final Inbox inbox;
    private final ScriptedFailures failures;
    private final AtomicLong pushIds = new AtomicLong(1000);

    ServerChanController(Inbox inbox, ScriptedFailures failures) {
        this.inbox = inbox;
        this.failures = failures;
    }

    @PostMapping({"/{sendkey}.send", "/send/{sendkey}.send"})
    ResponseEntity<String> send(@PathVariable String sendkey, HttpServletRequest request) {
        Incoming incoming = Incoming.of(request);
        OptionalInt failure = failures.nextFailure(TARGET, sendkey);
        if (failure.isPresent()) {
            int status = failure.getAsInt();
            inbox.add(TARGET, incoming, status, "scripted failure");
            return Answers.json(status, error(status, "scripted failure"));
        }
        if (!SENDKEY.matcher(sendkey).matches()) {
            return refuse(incoming, 40001, "bad pushkey");
        }
        Fields fields = Fields.of(incoming);
        if (!fields.readable()) {
            return refuse(incoming, 40002, "body is neither a form nor a JSON object");
        }
        String title = fields.text("title");
        if (title.isBlank()) {
            return refuse(incoming, 40003, "title required");
        }
        if (title.length() > TITLE_MAX_CHARS) {
            return refuse(incoming, 40004, "title longer than " + TITLE_MAX_CHARS + " characters");
        }
        if (fields.text("desp").getBytes(StandardCharsets.UTF_8).length > DESP_MAX_BYTES) {
            return refuse(incoming, 40005, "desp larger than 32 KB");
        }
        long pushId = pushIds.incrementAndGet();
        inbox.add(TARGET, incoming, 200, "accepted");
        return Answers.json(
                200,
                "{\"code\":0,\"message\":\"\",\"data\":{\"pushid\":\"" + pushId + "\",\"readkey\":\"sandbox" + pushId
                        + "\",\"error\":\"SUCCESS\",\"errno\":0}}");
    }

    private ResponseEntity<String> refuse(Incoming incoming, int code, String message) {
        inbox.add(TARGET, incoming, 200, "refused: code " + code + " " + message);
        return Answers.json(200, error(code, message));
    }

    private static String error(int code, String message) {
        return "{\"code\":" + code + ",\"message\":" + Answers.quote(message) + ",\"data\":null}";
    }
}
