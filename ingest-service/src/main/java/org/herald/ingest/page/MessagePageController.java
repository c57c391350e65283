package org.herald.ingest.page;

import java.util.Optional;
import java.util.regex.Pattern;
import org.herald.ingest.message.MessageRecord;
import org.herald.ingest.message.MessageRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /m/{shortCode}} (Herald's link form) and {@code /shortMessage/{shortCode}} (pushplus'). */
@RestController
class MessagePageController {

    private static final Pattern SHORT_CODE = Pattern.compile("[0-9a-f]{32}");
    private static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html;charset=UTF-8");
    /** Escaping is the first defence; this policy is the second: no script runs, nothing loads from elsewhere. */
    private static final String POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

    private final MessageRepository messages;

    MessagePageController(MessageRepository messages) {
        this.messages = messages;
    }

    @GetMapping({"/m/{shortCode}", "/shortMessage/{shortCode}"})
    ResponseEntity<String> page(@PathVariable String shortCode) {
        Optional<MessageRecord> message =
                SHORT_CODE.matcher(shortCode).matches() ? messages.find(shortCode) : Optional.empty();
        return message.map(found -> html(HttpStatus.OK, MessagePage.render(found)))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, MessagePage.notFound()));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(HTML_UTF8)
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(body);
    }
}
