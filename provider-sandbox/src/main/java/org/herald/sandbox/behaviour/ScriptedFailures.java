package org.herald.sandbox.behaviour;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures a test or a person asked for: "the next N requests to this hook answer status S". Lets
 * the retry paths of Herald's clients be exercised against the same fake that records the requests.
 */
public final class ScriptedFailures {

    /**
     * @param remaining how many more requests fail
     * @param status the HTTP status to answer, or 0 to answer as the fake would (with {@code errorCode}
     *     or after {@code latencyMillis})
     * @param errorCode the vendor error code to answer in the body (errcode, code), or null
     * @param latencyMillis how long to wait before answering
     * @param reset drop the connection instead of answering
     */
    public record Script(int remaining, int status, Integer errorCode, long latencyMillis, boolean reset) {

        public Script(int remaining, int status) {
            this(remaining, status, null, 0, false);
        }

        Script next() {
            return new Script(remaining - 1, status, errorCode, latencyMillis, reset);
        }
    }

    private final Map<String, Script> scripts = new ConcurrentHashMap<>();

    /** The next {@code times} requests to {@code target}/{@code hook} answer {@code status}. */
    public void failNext(String target, String hook, int times, int status) {
        if (times < 0) {
            throw new IllegalArgumentException("failTimes must not be negative");
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status code (100-599)");
        }
        if (times == 0) {
            scripts.remove(key(target, hook));
        } else {
            scripts.put(key(target, hook), new Script(times, status));
        }
    }

    /**
     * The next {@code times} requests to {@code target}/{@code hook} answer the vendor error
     * {@code errorCode} (in the body, with the HTTP status the vendor uses), wait {@code latency}
     * first, or lose their connection ({@code reset}).
     */
    public void script(String target, String hook, int times, Integer errorCode, Duration latency, boolean reset) {
        if (times < 0) {
            throw new IllegalArgumentException("failTimes must not be negative");
        }
        long latencyMillis = latency == null ? 0 : latency.toMillis();
        if (latencyMillis < 0 || latencyMillis > 120_000) {
            throw new IllegalArgumentException("latency must be between 0 and 120 s");
        }
        if (times == 0) {
            scripts.remove(key(target, hook));
        } else {
            scripts.put(key(target, hook), new Script(times, 0, errorCode, latencyMillis, reset));
        }
    }

    /** The status this request must fail with, counting it against the script; empty when it may pass. */
    public OptionalInt nextFailure(String target, String hook) {
        AtomicInteger status = new AtomicInteger(-1);
        scripts.computeIfPresent(key(target, hook), (key, script) -> {
            if (script.status() == 0) {
                return script; // not a status script: left for next()
            }
            status.set(script.status());
            return script.remaining() > 1 ? script.next() : null;
        });
        return status.get() < 0 ? OptionalInt.empty() : OptionalInt.of(status.get());
    }

    /** The script this request falls under, counting it; empty when it may pass. */
    public Optional<Script> next(String target, String hook) {
        Script[] taken = new Script[1];
        scripts.computeIfPresent(key(target, hook), (key, script) -> {
            taken[0] = script;
            return script.remaining() > 1 ? script.next() : null;
        });
        return Optional.ofNullable(taken[0]);
    }

    /** The scripts still pending, by {@code target/hook}. */
    public Map<String, Script> pending() {
        return new TreeMap<>(scripts);
    }

    public void clear() {
        scripts.clear();
    }

    private static String key(String target, String hook) {
        return target + "/" + hook;
    }
}
