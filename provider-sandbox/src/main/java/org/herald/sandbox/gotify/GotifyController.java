package org.herald.sandbox.gotify;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Fake Gotify server ({@code POST /message}, Gotify's REST API): the application token comes as
 * {@code ?token=}, {@code X-Gotify-Key} or {@code Authorization: Bearer}; application tokens are
 * {@code A} + 14 characters. {@code message} is required. Success is 200 with the created message;
 * errors are Gotify's {@code {"error","errorCode","errorDescription"}}.
 */
@RestController
class GotifyController {

    static final String TARGET = "gotify";

    private static final Pattern APP_TOKEN = Pattern.compile("A[A-Za-z0-9._-]{14}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Inbox inbox;
    private final ScriptedFailures failures;
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock = Clock.systemUTC();

    GotifyController(Inbox inbox, ScriptedFailures failures) {
        this.inbox = inbox;
        this.failures = failures;
    }

    @PostMapping("/message")
    ResponseEntity<String> message(HttpServletRequest request) {
        Incoming incoming = Incoming.of(request);
        String token = token(request);
        OptionalInt failure = failures.nextFailure(TARGET, token);
        if (failure.isPresent()) {
            int status = failure.getAsInt();
            inbox.add(TARGET, incoming, status, "scripted failure");
            return Answers.json(status, error(status, "Scripted", "scripted failure"));
        }
        if (!APP_TOKEN.matcher(token).matches()) {
            inbox.add(TARGET, incoming, 401, "refused: no valid application token");
            return Answers.json(
                    401,
                    error(
                            401,
                            "Unauthorized",
                            "you need to provide a valid access token or user credentials to access this api"));
        }
        Fields fields = Fields.of(incoming);
        if (!fields.readable()) {
            inbox.add(TARGET, incoming, 400, "refused: body is not JSON");
            return Answers.json(400, error(400, "Bad Request", "invalid character in the request body"));
        }
        if (fields.text("message").isEmpty()) {
            inbox.add(TARGET, incoming, 400, "refused: message is required");
            return Answers.json(400, error(400, "Bad Request", "Field 'message' is required"));
        }
        ObjectNode created = JSON.createObjectNode();
        created.put("id", ids.incrementAndGet());
        created.put("appid", 1);
        created.put("message", fields.text("message"));
        created.put("title", fields.has("title") ? fields.text("title") : "Herald sandbox app");
        created.put("priority", fields.values().path("priority").asInt(0));
        JsonNode extras = fields.values().get("extras");
        if (extras != null && extras.isObject()) {
            created.set("extras", extras);
        }
        created.put("date", clock.instant().toString());
        inbox.add(TARGET, incoming, 200, "accepted");
        return Answers.json(200, JSON.writeValueAsString(created));
    }

    private static String token(HttpServletRequest request) {
        String token = request.getParameter("token");
        if (token == null) {
            token = request.getHeader("X-Gotify-Key");
        }
        String authorization = request.getHeader("Authorization");
        if (token == null && authorization != null && authorization.startsWith("Bearer ")) {
            token = authorization.substring("Bearer ".length());
        }
        return token == null ? "" : token.strip();
    }

    private static String error(int code, String error, String description) {
        return "{\"error\":" + Answers.quote(error) + ",\"errorCode\":" + code + ",\"errorDescription\":"
                + Answers.quote(description) + "}";
    }
}
