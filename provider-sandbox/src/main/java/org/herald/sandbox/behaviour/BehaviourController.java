package org.herald.sandbox.behaviour;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scripts failures: {@code POST /api/behaviour/hiflow/demo {"failTimes":2,"status":500}} makes the
 * next two posts to {@code /hiflow/demo} answer 500.
 */
@RestController
class BehaviourController {

    /**
     * {@code status} answers that HTTP status; without it, {@code errorCode} answers the vendor's
     * error body, {@code latencyMs} delays the answer, {@code reset} drops the connection.
     */
    record Request(Integer failTimes, Integer status, Integer errorCode, Long latencyMs, Boolean reset) {}

    @JsonPropertyOrder({"target", "hook", "failTimes", "status"})
    record Answer(String target, String hook, int failTimes, int status) {}

    record Refusal(String error) {}

    private final ScriptedFailures failures;

    BehaviourController(ScriptedFailures failures) {
        this.failures = failures;
    }

    @PostMapping("/api/behaviour/{target}/{hook}")
    ResponseEntity<?> script(
            @PathVariable String target, @PathVariable String hook, @RequestBody(required = false) Request request) {
        int times = request == null || request.failTimes() == null ? 1 : request.failTimes();
        boolean vendorScript = request != null
                && request.status() == null
                && (request.errorCode() != null || request.latencyMs() != null || request.reset() != null);
        int status = request == null || request.status() == null ? 500 : request.status();
        try {
            if (vendorScript) {
                failures.script(
                        target,
                        hook,
                        times,
                        request.errorCode(),
                        java.time.Duration.ofMillis(request.latencyMs() == null ? 0 : request.latencyMs()),
                        Boolean.TRUE.equals(request.reset()));
                return ResponseEntity.ok(failures.pending().get(target + "/" + hook));
            }
            failures.failNext(target, hook, times, status);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(new Refusal(e.getMessage()));
        }
        return ResponseEntity.ok(new Answer(target, hook, times, status));
    }

    @GetMapping("/api/behaviour")
    Map<String, ScriptedFailures.Script> pending() {
        return failures.pending();
    }

    @DeleteMapping("/api/behaviour")
    ResponseEntity<Void> clear() {
        failures.clear();
        return ResponseEntity.noContent().build();
    }
}
