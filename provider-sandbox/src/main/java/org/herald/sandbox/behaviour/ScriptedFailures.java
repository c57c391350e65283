package org.herald.sandbox.behaviour;

import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures a test or a person asked for: "the next N requests to this hook answer status S". Lets
 * the retry paths of Herald's clients be exercised against the same fake that records the requests.
 */
public final class ScriptedFailures {

    /** @param remaining how many more requests fail */
    public record Script(int remaining, int status) {}

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

    /** The status this request must fail with, counting it against the script; empty when it may pass. */
    public OptionalInt nextFailure(String target, String hook) {
        AtomicInteger status = new AtomicInteger(-1);
        scripts.computeIfPresent(key(target, hook), (key, script) -> {
            status.set(script.status());
            return script.remaining() > 1 ? new Script(script.remaining() - 1, script.status()) : null;
        });
        return status.get() < 0 ? OptionalInt.empty() : OptionalInt.of(status.get());
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
