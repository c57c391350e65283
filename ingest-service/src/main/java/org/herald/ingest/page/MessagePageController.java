package org.herald.ingest.page;

import java.util.Optional;
import java.util.regex.Pattern;
import org.herald.ingest.message.MessageRecord;
import org.herald.ingest.message.MessageRepository;
import org.herald.ingest.retention.MessageRetention;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /m/{shortCode}} (Herald's link form) and {@code /shortMessage/{shortCode}} (pushplus').
 * An unknown, malformed, deleted or expired code gets the 404 page.
 */
@RestController
class MessagePageController {

    private static final Pattern SHORT_CODE = Pattern.compile("[0-9a-f]{32}");
    private static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html;charset=UTF-8");
    /**
     * Sanitising is the first defence; this policy is the second: no script runs, no frame, form
     * or base URL, nothing but images and inline styles loads. Images may come from anywhere
     * (pushplus content links hosted images) and as data: (base64 images are allowed).
     */
    private static final String POLICY =
            "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private final MessageRepository messages;
    private final MessageRetention retention;

    MessagePageController(MessageRepository messages, MessageRetention retention) {
        this.messages = messages;
        this.retention = retention;
    }

    @GetMapping({"/m/{shortCode}", "/shortMessage/{shortCode}"})
    ResponseEntity<String> page(@PathVariable String shortCode) {
        Optional<MessageRecord> message = SHORT_CODE.matcher(shortCode).matches()
                ? messages.findVisible(shortCode, retention.cutoff())
                : Optional.empty();
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
