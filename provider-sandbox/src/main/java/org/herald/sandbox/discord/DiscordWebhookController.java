package org.herald.sandbox.discord;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.herald.sandbox.behaviour.RateWindows;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.inbox.Inbox;
import org.herald.sandbox.inbox.Incoming;
import org.herald.sandbox.notify.Answers;
import org.herald.sandbox.notify.Fields;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fake Discord webhook (reference §4.5): {@code POST /api/webhooks/{id}/{token}[?wait=true]} with
 * JSON. Checks the id (a snowflake, else 404 10015 Unknown Webhook), the token's shape (else 401
 * 50027), that there is {@code content} or {@code embeds} (else 400 50006), {@code content} ≤ 2000
 * characters and ≤ 10 embeds (else 400 50035), and 5 requests per 2 s per webhook (else 429 with
 * {@code Retry-After} and {@code retry_after}). Success is 204, or 200 with the message when
 * {@code wait=true}. Every answer carries the {@code X-RateLimit-*} headers.
 */
@RestController
class DiscordWebhookController {

    static final String TARGET = "discord";
    static final int CONTENT_MAX_CHARS = 2000;
    static final int EMBEDS_MAX = 10;
    static final int REQUESTS_PER_WINDOW = 5;
    static final Duration WINDOW = Duration.ofSeconds(2);

    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,20}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{60,100}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Inbox inbox;
    private final ScriptedFailures failures;
    private final Clock clock = Clock.systemUTC();
    private static final RateWindows.Window PER_WEBHOOK = new RateWindows.Window(REQUESTS_PER_WINDOW, WINDOW);
    private final RateWindows perWebhook = new RateWindows(clock);
    private final AtomicLong messageIds = new AtomicLong(1_200_000_000_000_000_000L);

    DiscordWebhookController(Inbox inbox, ScriptedFailures failures) {
        this.inbox = inbox;
        this.failures = failures;
    }

    @PostMapping("/api/webhooks/{id}/{token}")
    ResponseEntity<String> execute(
            @PathVariable String id,
            @PathVariable String token,
            @RequestParam(defaultValue = "false") boolean wait,
            HttpServletRequest request) {
        Incoming incoming = Incoming.of(request);
        OptionalInt failure = failures.nextFailure(TARGET, id);
        if (failure.isPresent()) {
            int status = failure.getAsInt();
            inbox.add(TARGET, incoming, status, "scripted failure");
            return status == 429 ? rateLimited(id, 1.0) : error(id, status, "scripted failure", 0);
        }
        if (!SNOWFLAKE.matcher(id).matches()) {
            return refuse(incoming, id, 404, "Unknown Webhook", 10015);
        }
        if (!TOKEN.matcher(token).matches()) {
            return refuse(incoming, id, 401, "Invalid Webhook Token", 50027);
        }
        Fields fields = Fields.of(incoming);
        if (!fields.readable()) {
            return refuse(incoming, id, 400, "The request body contains invalid JSON.", 50109);
        }
        String content = fields.text("content");
        JsonNode embeds = fields.values().path("embeds");
        if (content.isBlank() && (!embeds.isArray() || embeds.isEmpty())) {
            return refuse(incoming, id, 400, "Cannot send an empty message", 50006);
        }
        if (content.length() > CONTENT_MAX_CHARS) {
            return invalidForm(incoming, id, "content", "Must be 2000 or fewer in length.");
        }
        if (embeds.isArray() && embeds.size() > EMBEDS_MAX) {
            return invalidForm(incoming, id, "embeds", "Must be 10 or fewer in length.");
        }
        Optional<Duration> limited = perWebhook.admit(id, PER_WEBHOOK);
        if (limited.isPresent()) {
            inbox.add(TARGET, incoming, 429, "refused: more than 5 requests in 2 s");
            return rateLimited(id, Math.max(0.001, limited.get().toMillis() / 1000.0));
        }
        inbox.add(TARGET, incoming, wait ? 200 : 204, "accepted");
        if (!wait) {
            return headers(ResponseEntity.status(HttpStatus.NO_CONTENT), id).build();
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("id", String.valueOf(messageIds.incrementAndGet()));
        message.put("type", 0);
        message.put("content", content);
        message.put("channel_id", "1100000000000000001");
        message.put("webhook_id", id);
        message.put("timestamp", clock.instant().toString());
        return headers(ResponseEntity.ok(), id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(message));
    }

    private ResponseEntity<String> invalidForm(Incoming incoming, String id, String field, String message) {
        inbox.add(TARGET, incoming, 400, "refused: Invalid Form Body (" + field + ": " + message + ")");
        ObjectNode answer = JSON.createObjectNode();
        answer.put("message", "Invalid Form Body");
        answer.put("code", 50035);
        ObjectNode error =
                answer.putObject("errors").putObject(field).putArray("_errors").addObject();
        error.put("code", "BASE_TYPE_MAX_LENGTH");
        error.put("message", message);
        return headers(ResponseEntity.status(400), id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(answer));
    }

    private ResponseEntity<String> refuse(Incoming incoming, String id, int status, String message, int code) {
        inbox.add(TARGET, incoming, status, "refused: " + code + " " + message);
        return error(id, status, message, code);
    }

    private ResponseEntity<String> error(String id, int status, String message, int code) {
        return headers(ResponseEntity.status(status), id)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"message\":" + Answers.quote(message) + ",\"code\":" + code + "}");
    }

    private ResponseEntity<String> rateLimited(String id, double seconds) {
        String retryAfter = String.format(java.util.Locale.ROOT, "%.3f", seconds);
        return headers(ResponseEntity.status(429), id)
                .header(HttpHeaders.RETRY_AFTER, retryAfter)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"message\":\"You are being rate limited.\",\"retry_after\":" + retryAfter
                        + ",\"global\":false}");
    }

    private ResponseEntity.BodyBuilder headers(ResponseEntity.BodyBuilder answer, String id) {
        return answer.header("X-RateLimit-Limit", String.valueOf(REQUESTS_PER_WINDOW))
                .header("X-RateLimit-Remaining", String.valueOf(perWebhook.remaining(id, PER_WEBHOOK)))
                .header("X-RateLimit-Reset-After", String.valueOf(WINDOW.toSeconds()))
                .header("X-RateLimit-Bucket", "webhook-" + id);
    }
}
