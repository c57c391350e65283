package org.herald.sandbox.telegram;

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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fake Telegram Bot API {@code sendMessage} (reference §4.4): {@code POST /bot{token}/sendMessage}
 * with parameters in the query, a form or a JSON body (Telegram merges them). Checks the token's
 * shape (a malformed one is 404, as Telegram answers), {@code chat_id} (an integer or
 * {@code @channel}), {@code text} (1–4096 characters) and the per-chat limit of 20 messages a
 * minute (429 with {@code parameters.retry_after}). Scripted failures are keyed by chat id and
 * answer Telegram's own description for the status (403 blocked, 429 retry after 1, …).
 */
@RestController
class TelegramBotController {

    static final String TARGET = "telegram";
    static final int TEXT_MAX_CHARS = 4096;
    static final int PER_CHAT_PER_MINUTE = 20;

    private static final Pattern TOKEN = Pattern.compile("\\d{3,12}:[A-Za-z0-9_-]{30,50}");
    private static final Pattern CHAT_ID = Pattern.compile("-?\\d{1,19}|@[A-Za-z][A-Za-z0-9_]{3,31}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Inbox inbox;
    private final ScriptedFailures failures;
    private final Clock clock = Clock.systemUTC();
    private static final RateWindows.Window PER_CHAT =
            new RateWindows.Window(PER_CHAT_PER_MINUTE, Duration.ofMinutes(1));
    private final RateWindows perChat = new RateWindows(clock);
    private final AtomicLong messageIds = new AtomicLong();

    TelegramBotController(Inbox inbox, ScriptedFailures failures) {
        this.inbox = inbox;
        this.failures = failures;
    }

    @PostMapping("/bot{token}/sendMessage")
    ResponseEntity<String> sendMessage(
            @org.springframework.web.bind.annotation.PathVariable String token, HttpServletRequest request) {
        Incoming incoming = Incoming.of(request);
        if (!TOKEN.matcher(token).matches()) {
            inbox.add(TARGET, incoming, 404, "refused: malformed bot token");
            return error(404, "Not Found", null);
        }
        Fields fields = Fields.of(incoming);
        String chatId = fields.text("chat_id");
        OptionalInt failure = failures.nextFailure(TARGET, chatId);
        if (failure.isPresent()) {
            int status = failure.getAsInt();
            inbox.add(TARGET, incoming, status, "scripted failure");
            return scripted(status);
        }
        if (!fields.readable()) {
            return refuse(incoming, 400, "Bad Request: can't parse JSON object");
        }
        if (chatId.isEmpty()) {
            return refuse(incoming, 400, "Bad Request: chat_id is empty");
        }
        if (!CHAT_ID.matcher(chatId).matches()) {
            return refuse(incoming, 400, "Bad Request: chat not found");
        }
        String text = fields.text("text");
        if (text.isBlank()) {
            return refuse(incoming, 400, "Bad Request: message text is empty");
        }
        if (text.length() > TEXT_MAX_CHARS) {
            return refuse(incoming, 400, "Bad Request: message is too long");
        }
        Optional<Duration> wait = perChat.admit(token + "/" + chatId, PER_CHAT);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            inbox.add(TARGET, incoming, 429, "refused: more than " + PER_CHAT_PER_MINUTE + " a minute in this chat");
            return error(429, "Too Many Requests: retry after " + seconds, seconds);
        }
        inbox.add(TARGET, incoming, 200, "accepted");
        return Answers.json(200, sent(token, chatId, text));
    }

    private String sent(String token, String chatId, String text) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ok", true);
        ObjectNode message = answer.putObject("result");
        message.put("message_id", messageIds.incrementAndGet());
        ObjectNode from = message.putObject("from");
        from.put("id", Long.parseLong(token.substring(0, token.indexOf(':'))));
        from.put("is_bot", true);
        from.put("first_name", "Herald sandbox bot");
        from.put("username", "herald_sandbox_bot");
        ObjectNode chat = message.putObject("chat");
        if (chatId.startsWith("@")) {
            chat.put("id", -1001234567890L);
            chat.put("title", chatId.substring(1));
            chat.put("username", chatId.substring(1));
            chat.put("type", "channel");
        } else {
            chat.put("id", Long.parseLong(chatId));
            chat.put("type", chatId.startsWith("-") ? "group" : "private");
        }
        message.put("date", clock.instant().getEpochSecond());
        message.put("text", text);
        return JSON.writeValueAsString(answer);
    }

    private ResponseEntity<String> scripted(int status) {
        return switch (status) {
            case 400 -> error(400, "Bad Request: chat not found", null);
            case 401 -> error(401, "Unauthorized", null);
            case 403 -> error(403, "Forbidden: bot was blocked by the user", null);
            case 429 -> error(429, "Too Many Requests: retry after 1", 1L);
            default -> error(status, status >= 500 ? "Internal Server Error" : "scripted failure", null);
        };
    }

    private ResponseEntity<String> refuse(Incoming incoming, int status, String description) {
        inbox.add(TARGET, incoming, status, "refused: " + description);
        return error(status, description, null);
    }

    private static ResponseEntity<String> error(int status, String description, Long retryAfter) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ok", false);
        answer.put("error_code", status);
        answer.put("description", description);
        if (retryAfter != null) {
            answer.putObject("parameters").put("retry_after", retryAfter);
        }
        return Answers.json(status, JSON.writeValueAsString(answer));
    }
}
