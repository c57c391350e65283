package org.herald.sandbox.notify;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.herald.sandbox.inbox.Incoming;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parameters of a request to a notification-service fake, merged the way those APIs read them:
 * query parameters first, then the body's fields (a JSON object or a form), the body winning.
 *
 * @param values the merged parameters; form and query values are strings
 * @param readable false when the body claimed to be JSON (or was expected to be) and is not an object
 */
public record Fields(ObjectNode values, boolean readable) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static Fields of(Incoming incoming) {
        ObjectNode values = JSON.createObjectNode();
        int query = incoming.path().indexOf('?');
        if (query >= 0) {
            form(incoming.path().substring(query + 1), values);
        }
        String contentType = header(incoming.headers(), "Content-Type").toLowerCase(Locale.ROOT);
        String body = new String(incoming.body(), StandardCharsets.UTF_8);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            form(body, values);
            return new Fields(values, true);
        }
        if (body.isBlank()) {
            return new Fields(values, !contentType.contains("json"));
        }
        try {
            JsonNode parsed = JSON.readTree(body);
            if (parsed == null || !parsed.isObject()) {
                return new Fields(values, false);
            }
            values.setAll((ObjectNode) parsed);
            return new Fields(values, true);
        } catch (JacksonException e) {
            return new Fields(values, false);
        }
    }

    /** The parameter as text, or "" when absent or null. */
    public String text(String name) {
        JsonNode value = values.get(name);
        return value == null || value.isNull() ? "" : value.asString("");
    }

    public boolean has(String name) {
        return values.has(name) && !values.get(name).isNull();
    }

    private static void form(String encoded, ObjectNode values) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            values.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name)
                        && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0))
                .findFirst()
                .orElse("");
    }
}
