package org.herald.sandbox.robot;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.herald.sandbox.behaviour.ScriptedFailures;
import org.herald.sandbox.behaviour.ScriptedFailures.Script;

/** Applies a script's latency and connection drop; what is left (a status or code) the fake answers. */
public final class ScriptedAnswer {

    /** Thrown after a response was broken off on purpose, so the servlet container drops the connection. */
    public static final class ConnectionDropped extends RuntimeException {
        ConnectionDropped() {
            super("scripted connection reset", null, false, false);
        }
    }

    private ScriptedAnswer() {}

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
