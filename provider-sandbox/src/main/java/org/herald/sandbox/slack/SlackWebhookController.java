package org.herald.sandbox.slack;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.herald.sandbox.behaviour.RateWindows;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.inbox.Inbox;
import org.herald.sandbox.inbox.Incoming;
import org.herald.sandbox.notify.Answers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fake Slack incoming webhook (reference §4.6): {@code POST /services/T…/B…/{secret}} with JSON
 * (or a form's {@code payload=}). Answers in plain text like Slack: {@code ok}, 400
 * {@code invalid_payload}/{@code no_text}, 403 {@code invalid_token}, 404 {@code no_team} /
 * {@code no_service}, and 429 {@code rate_limited} with {@code Retry-After} beyond about one
 * message a second (5 in any 5 s, bursts allowed). Scripted failures are keyed by the B… id and
 * answer Slack's body for the status (410 {@code channel_is_archived}, 500 {@code rollup_error}, …).
 */
@RestController
class SlackWebhookController {

    static final String TARGET = "slack";
    static final int REQUESTS_PER_WINDOW = 5;
    static final Duration WINDOW = Duration.ofSeconds(5);

    private static final Pattern TEAM = Pattern.compile("T[A-Z0-9]{6,12}");
    private static final Pattern SERVICE = Pattern.compile("B[A-Z0-9]{6,12}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9]{24}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Inbox inbox;
    private final ScriptedFailures failures;
    private static final RateWindows.Window PER_WEBHOOK = new RateWindows.Window(REQUESTS_PER_WINDOW, WINDOW);
    private final RateWindows perWebhook = new RateWindows(Clock.systemUTC());

    SlackWebhookController(Inbox inbox, ScriptedFailures failures) {
        this.inbox = inbox;
        this.failures = failures;
    }

    @PostMapping("/services/{team}/{service}/{secret}")
    ResponseEntity<String> post(
            @PathVariable String team,
            @PathVariable String service,
            @PathVariable String secret,
            HttpServletRequest request) {
        Incoming incoming = Incoming.of(request);
        OptionalInt failure = failures.nextFailure(TARGET, service);
        if (failure.isPresent()) {
            int status = failure.getAsInt();
            inbox.add(TARGET, incoming, status, "scripted failure");
            return scripted(status);
        }
        if (!TEAM.matcher(team).matches()) {
            return refuse(incoming, 404, "no_team");
        }
        if (!SERVICE.matcher(service).matches()) {
            return refuse(incoming, 404, "no_service");
        }
        if (!SECRET.matcher(secret).matches()) {
            return refuse(incoming, 403, "invalid_token");
        }
        JsonNode payload = payload(incoming);
        if (payload == null) {
            return refuse(incoming, 400, "invalid_payload");
        }
        boolean hasText = !payload.path("text").asString("").isBlank();
        boolean hasBlocks =
                payload.path("blocks").isArray() && !payload.path("blocks").isEmpty();
        if (!hasText && !hasBlocks) {
            return refuse(incoming, 400, "no_text");
        }
        Optional<Duration> limited = perWebhook.admit(team + "/" + service, PER_WEBHOOK);
        if (limited.isPresent()) {
            inbox.add(TARGET, incoming, 429, "refused: rate_limited");
            long seconds = Math.max(1, (limited.get().toMillis() + 999) / 1000);
            return ResponseEntity.status(429)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("rate_limited");
        }
        inbox.add(TARGET, incoming, 200, "accepted");
        return Answers.text(200, "ok");
    }

    /** The JSON body, or a form's {@code payload} field; null when neither is a JSON object. */
    private static JsonNode payload(Incoming incoming) {
        String body = new String(incoming.body(), StandardCharsets.UTF_8);
        if (body.startsWith("payload=")) {
            body = URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8);
        }
        try {
            JsonNode node = body.isBlank() ? null : JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private ResponseEntity<String> scripted(int status) {
        return switch (status) {
            case 400 -> Answers.text(400, "invalid_payload");
            case 403 -> Answers.text(403, "action_prohibited");
            case 404 -> Answers.text(404, "channel_not_found");
            case 410 -> Answers.text(410, "channel_is_archived");
            case 429 ->
                ResponseEntity.status(429)
                        .header(HttpHeaders.RETRY_AFTER, "1")
                        .contentType(MediaType.TEXT_PLAIN)
                        .body("rate_limited");
            case 500 -> Answers.text(500, "rollup_error");
            default -> Answers.text(status, "scripted_failure");
        };
    }

    private ResponseEntity<String> refuse(Incoming incoming, int status, String error) {
        inbox.add(TARGET, incoming, status, "refused: " + error);
        return Answers.text(status, error);
    }
}
