package org.herald.sandbox.inbox;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request a fake received, as it arrived.
 *
 * @param id increasing number, newer requests have larger ids
 * @param target the fake that received it: hiflow, jijyun, callback, ...
 * @param method the HTTP method
 * @param path the path with its query string
 * @param headers the headers in arrival order, names as sent
 * @param body the raw body as UTF-8 text
 * @param receivedAt when it arrived
 * @param status the HTTP status the fake answered
 * @param verdict what the fake made of it, e.g. "accepted" or why it was refused
 */
@JsonPropertyOrder({"id", "target", "method", "path", "headers", "body", "receivedAt", "status", "verdict"})
public record ReceivedRequest(
        long id,
        String target,
        String method,
        String path,
        Map<String, List<String>> headers,
        String body,
        Instant receivedAt,
        int status,
        String verdict) {

    /** The first value of a header, matching its name case-insensitively, or null. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry ->
                        entry.getValue().isEmpty() ? null : entry.getValue().get(0))
                .findFirst()
                .orElse(null);
    }
}
