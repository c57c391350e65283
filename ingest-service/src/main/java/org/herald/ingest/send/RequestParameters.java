package org.herald.ingest.send;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.herald.ingest.api.PushplusException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads /send parameters out of a query string or a request body. The body may be JSON (the
 * documented form) or form-urlencoded (what pushplus' own curl and Java demos send).
 */
public final class RequestParameters {

    private final JsonMapper json;

    public RequestParameters(JsonMapper json) {
        this.json = json;
    }

    /** Parameters of a raw (still percent-encoded) query string; the first value of a name counts. */
    public Map<String, String> fromQuery(String queryString) {
        return formEncoded(queryString, StandardCharsets.UTF_8, "URL参数");
    }

    /**
     * Parameters of a request body.
     *
     * @param contentType the Content-Type header, or null
     * @throws PushplusException 999 for malformed JSON or an unsupported content type
     */
    public Map<String, String> fromBody(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return Map.of();
        }
        MediaType type;
        try {
            type = contentType == null || contentType.isBlank() ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw PushplusException.invalid("无法识别的Content-Type，请使用application/json");
        }
        Charset charset = type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        String text = new String(body, charset);
        if (text.isBlank()) {
            return Map.of();
        }
        if (type == null) {
            return looksLikeJson(text) ? fromJson(text) : formEncoded(text, charset, "请求体");
        }
        if (isJson(type)) {
            return fromJson(text);
        }
        if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            // `curl -d '{"token":…}'` labels JSON as a form; read it as what it is.
            return looksLikeJson(text) ? fromJson(text) : formEncoded(text, charset, "请求体");
        }
        if (MediaType.TEXT_PLAIN.isCompatibleWith(type) && looksLikeJson(text)) {
            return fromJson(text);
        }
        throw PushplusException.invalid("不支持的Content-Type: " + type.getType() + "/" + type.getSubtype()
                + "，请使用application/json或application/x-www-form-urlencoded");
    }

    private Map<String, String> fromJson(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw PushplusException.invalid("请求体不是合法的JSON" + where(e));
        }
        if (root == null || !root.isObject()) {
            throw PushplusException.invalid("请求体必须是JSON对象");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String value = text(field.getValue());
            if (value != null) {
                values.put(field.getKey(), value);
            }
        }
        return values;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            // `to` as a list of tokens reads the same as the documented comma-separated form.
            boolean allScalars = true;
            StringBuilder joined = new StringBuilder();
            for (JsonNode item : node) {
                allScalars &= item.isValueNode();
                if (joined.length() > 0) {
                    joined.append(',');
                }
                joined.append(item.asString());
            }
            return allScalars ? joined.toString() : node.toString();
        }
        if (node.isContainer()) {
            // A JSON object as content (template json) is kept as its JSON text.
            return node.toString();
        }
        return node.asString();
    }

    private static String where(JacksonException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
            return "";
        }
        return "（第" + e.getLocation().getLineNr() + "行第" + e.getLocation().getColumnNr() + "列附近）";
    }

    private static Map<String, String> formEncoded(String text, Charset charset, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                values.putIfAbsent(URLDecoder.decode(name, charset), URLDecoder.decode(value, charset));
            } catch (IllegalArgumentException e) {
                throw PushplusException.invalid(where + "编码错误: 参数" + safeName(name) + "不是合法的URL编码");
            }
        }
        return values;
    }

    private static String safeName(String name) {
        String shown = name.length() > 32 ? name.substring(0, 32) + "…" : name;
        return shown.replaceAll("[^A-Za-z0-9_%.-]", "?");
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || type.getSubtype().endsWith("+json");
    }

    private static boolean looksLikeJson(String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("{") && trimmed.endsWith("}");
    }
}
