package org.herald.rendering.json;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads JSON the way pushplus senders write it: strict JSON, and also the docs' pseudo-JSON with
 * single quotes, unquoted names, trailing commas and line breaks inside strings. Numbers keep
 * their written form ({@code 0.10} stays {@code 0.10}). Content that is a JSON string holding JSON
 * (double-encoded) is unwrapped once.
 */
public final class LenientJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(
                    JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private LenientJson() {}

    /** The content as a JSON object or array, or empty when it is neither. */
    public static Optional<JsonNode> read(String content) {
        String text = content.strip();
        if (!(text.startsWith("{") || text.startsWith("[") || text.startsWith("\"") || text.startsWith("'"))) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node != null && node.isString()) {
                String inner = node.asString().strip();
                if (inner.startsWith("{") || inner.startsWith("[")) {
                    node = MAPPER.readTree(inner);
                }
            }
            return node != null && node.isContainer() ? Optional.of(node) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** A JSON object, also from a form-encoded {@code a=1&b=2} body (Aliyun CloudMonitor posts forms). */
    public static Optional<ObjectNode> readObjectOrForm(String content) {
        Optional<JsonNode> json = read(content);
        if (json.isPresent()) {
            return json.filter(JsonNode::isObject).map(ObjectNode.class::cast);
        }
        String text = content.strip();
        if (!text.contains("=") || text.contains("\n") || text.contains(" ")) {
            return Optional.empty();
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        try {
            for (String pair : text.split("&")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                if (!object.has(name)) {
                    object.put(name, URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return object.isEmpty() ? Optional.empty() : Optional.of(object);
    }

    /** A scalar's text as written: strings as is, numbers in plain notation, null as "null". */
    public static String text(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isBigDecimal()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isValueNode()) {
            return node.asString();
        }
        return node.toString();
    }

    /** A field of an object as text, or null when it is missing; containers as their JSON text. */
    public static String field(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : text(value);
    }
}
