package org.herald.channel.webhook.robot;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.outbound.OutboundResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON answer of a chat robot, where HTTP 200 is not success: the code field decides
 * (reference §0). Codes are matched, never messages; a message only supplies a hint, cut before the
 * suffix that names Herald's egress IP.
 *
 * @param name the target as a reason names it, e.g. "WeCom"
 * @param codeFields the fields holding the code, first found wins ({@code errcode}; {@code code})
 * @param retryLater codes of throttling, with the wait before the next attempt
 * @param retry codes of transient failures, retried on the schedule
 * @param hints what a permanent code means, for the reason a user reads
 */
public record VendorAnswer(
        String name,
        String[] codeFields,
        Map<Integer, Duration> retryLater,
        Set<Integer> retry,
        Map<Integer, String> hints) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Verdict judge(OutboundResponse response) {
        JsonNode body = parse(response.body());
        JsonNode code = null;
        if (body != null) {
            for (String field : codeFields) {
                if (body.has(field) && body.get(field).isNumber()) {
                    code = body.get(field);
                    break;
                }
            }
        }
        if (code == null) {
            if (response.status() >= 200 && response.status() < 300) {
                return Verdict.permanent(name + " answered HTTP " + response.status() + " without a result code");
            }
            return Verdict.byHttpStatus(response.status());
        }
        int value = code.asInt();
        if (value == 0) {
            return Verdict.delivered();
        }
        String reason = name + " error " + value + ": " + hint(value, body);
        if (retryLater.containsKey(value)) {
            return Verdict.retryAfter(reason, retryLater.get(value));
        }
        if (retry.contains(value) || response.status() >= 500) {
            return Verdict.retry(reason);
        }
        return Verdict.permanent(reason);
    }

    private String hint(int code, JsonNode body) {
        String known = hints.get(code);
        if (known != null) {
            return known;
        }
        String message = null;
        for (String field : new String[] {"errmsg", "msg"}) {
            if (body.has(field) && body.get(field).isString()) {
                message = body.get(field).asString();
                break;
            }
        }
        return message == null ? "unknown error" : safeMessage(message);
    }

    /** The vendor's message up to its variable suffix (hint, egress IP, help link), at most 120 chars. */
    public static String safeMessage(String message) {
        String cut = message;
        for (String marker :
                new String[] {", hint:", " hint:", ", from ip", " from ip", ", more info", "; more info"}) {
            int at = cut.indexOf(marker);
            if (at >= 0) {
                cut = cut.substring(0, at);
            }
        }
        cut = cut.replaceAll("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b", "x.x.x.x").strip();
        return cut.length() > 120 ? cut.substring(0, 120) + "…" : cut;
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
