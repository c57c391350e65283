package org.herald.sandbox.callback;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scripts a callback receiver: {@code POST /api/callback-receivers/demo
 * {"secret":"whsec_…","delayMillis":500,"gone":false,"failTimes":2,"status":429,"retryAfter":"3"}}.
 * Fields left out keep their value; {@code failTimes}/{@code status} script the next failures.
 */
@RestController
class CallbackReceiversController {

    record Request(
            String secret, Long delayMillis, Boolean gone, String retryAfter, Integer failTimes, Integer status) {}

    record Refusal(String error) {}

    private final CallbackReceivers receivers;
    private final ScriptedFailures failures;

    CallbackReceiversController(CallbackReceivers receivers, ScriptedFailures failures) {
        this.receivers = receivers;
        this.failures = failures;
    }

    @PostMapping("/api/callback-receivers/{receiver}")
    ResponseEntity<?> configure(@PathVariable String receiver, @RequestBody(required = false) Request request) {
        Request given = request == null ? new Request(null, null, null, null, null, null) : request;
        CallbackReceivers.Settings settings = receivers.settings(receiver);
        if (given.secret() != null) {
            if (!given.secret().startsWith("whsec_")) {
                return ResponseEntity.badRequest().body(new Refusal("secret must start with whsec_"));
            }
            settings = settings.withSecret(given.secret());
        }
        if (given.delayMillis() != null) {
            if (given.delayMillis() < 0 || given.delayMillis() > 60_000) {
                return ResponseEntity.badRequest().body(new Refusal("delayMillis must be between 0 and 60000"));
            }
            settings = settings.withDelay(Duration.ofMillis(given.delayMillis()));
        }
        if (given.gone() != null) {
            settings = settings.withGone(given.gone());
        }
        if (given.retryAfter() != null) {
            settings = settings.withRetryAfter(given.retryAfter().isBlank() ? null : given.retryAfter());
        }
        if (given.failTimes() != null || given.status() != null) {
            try {
                failures.failNext(
                        CallbackReceiverController.TARGET,
                        receiver,
                        given.failTimes() == null ? 1 : given.failTimes(),
                        given.status() == null ? 500 : given.status());
            } catch (IllegalArgumentException e) {
                return ResponseEntity.badRequest().body(new Refusal(e.getMessage()));
            }
        }
        receivers.configure(receiver, settings);
        return ResponseEntity.ok(shown(receiver, settings));
    }

    @GetMapping("/api/callback-receivers/{receiver}")
    Map<String, Object> show(@PathVariable String receiver) {
        return shown(receiver, receivers.settings(receiver));
    }

    private static Map<String, Object> shown(String receiver, CallbackReceivers.Settings settings) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("receiver", receiver);
        shown.put("url", "/callback/" + receiver);
        // The secret is not echoed: whoever set it has it.
        shown.put("verifiesSignatures", settings.secret() != null);
        shown.put("delayMillis", settings.delay().toMillis());
        shown.put("gone", settings.gone());
        shown.put("retryAfter", settings.retryAfter());
        return shown;
    }
}
