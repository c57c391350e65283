package org.herald.sandbox.inbox;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the fakes received: as JSON for tests and scripts, as a page for people. */
@RestController
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/received")
    List<ReceivedRequest> received(
            @RequestParam(required = false) String target, @RequestParam(defaultValue = "50") int limit) {
        return inbox.newestFirst(target, clamp(limit));
    }

    @DeleteMapping("/api/received")
    ResponseEntity<Void> clear() {
        inbox.clear();
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String page(@RequestParam(required = false) String target, @RequestParam(defaultValue = "100") int limit) {
        return InboxPage.render(inbox.newestFirst(target, clamp(limit)), target, inbox.size(), inbox.capacity());
    }

    private int clamp(int limit) {
        return Math.max(1, Math.min(limit, inbox.capacity()));
    }
}
