package org.herald.sandbox.robot;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.behaviour.ScriptedFailures.Script;
import org.herald.sandbox.inbox.Inbox;
import org.herald.sandbox.inbox.Incoming;
import org.springframework.http.ResponseEntity;

/** Applies a script's latency and connection drop; what is left (a status or code) the fake answers. */
public final class ScriptedAnswer {

    /** Thrown after a response was broken off on purpose, so the servlet container drops the connection. */
    public static final class ConnectionDropped extends RuntimeException {
        ConnectionDropped() {
            super("scripted connection reset", null, false, false);
        }
    }

    /** How a fake answers with a status and its own error code and message. */
    @FunctionalInterface
    public interface Answer {
        ResponseEntity<String> with(int status, int code, String message);
    }

    private ScriptedAnswer() {}

    /**
     * Plays the script for this request, if any: sleeps its latency, drops the connection (noted in
     * the inbox), or answers its HTTP status or vendor error code through {@code answer}.
     *
     * @return the scripted answer; empty when the fake should handle the request itself
     */
    public static Optional<ResponseEntity<String>> play(
            ScriptedFailures failures,
            Inbox inbox,
            String target,
            String hook,
            Incoming incoming,
            HttpServletResponse response,
            Answer answer)
            throws IOException {
        Optional<Script> script = take(failures, target, hook);
        if (script.isEmpty()) {
            return Optional.empty();
        }
        if (script.get().reset()) {
            inbox.add(target, incoming, 0, "scripted connection reset");
            drop(response);
        }
        if (script.get().status() > 0) {
            return Optional.of(answer.with(script.get().status(), -1, "scripted failure"));
        }
        if (script.get().errorCode() != null) {
            return Optional.of(answer.with(200, script.get().errorCode(), "scripted error"));
        }
        return Optional.empty();
    }

    /** The script for this request, after sleeping its latency; empty when none applies. */
    public static Optional<Script> take(ScriptedFailures failures, String target, String hook) {
        Optional<Script> script = failures.next(target, hook);
        script.ifPresent(s -> {
            if (s.latencyMillis() > 0) {
                try {
                    Thread.sleep(s.latencyMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        return script;
    }

    /**
     * Promises a body, sends a byte of it and breaks off: the client sees the connection end in the
     * middle of the answer, as with a reset.
     */
    public static void drop(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(1024);
        response.getOutputStream().write('{');
        response.flushBuffer();
        throw new ConnectionDropped();
    }
}
