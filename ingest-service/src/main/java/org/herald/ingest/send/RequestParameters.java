package org.herald.ingest.send;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.herald.ingest.api.PushplusException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads /send parameters out of a query string or a request body. The body may be JSON (the
 * documented form) or form-urlencoded (what pushplus' own curl and Java demos send).
 *
 * <p>A parameter named twice in one source is refused rather than resolved: a proxy or the gateway
 * reading the first {@code token} while ingest reads the last is how parameter pollution starts.
 * Text is decoded strictly: invalid UTF-8 is refused, not turned into replacement characters that
 * would then be delivered.
 */
public final class RequestParameters {

    /** The parameters that must be text; {@code content} may be any JSON and {@code to} a list. */
    private static final Set<String> TEXT_ONLY = Set.of(
            "token", "title", "topic", "template", "channel", "option", "webhook", "callbackUrl", "timestamp", "pre");

    /**
     * Fields of a foreign JSON body read under the template-in-URL rule: the routing fields Jenkins
     * sends, and the token only to tell a caller where it belongs.
     */
    private static final Set<String> EMBEDDABLE =
            Set.of("title", "topic", "channel", "option", "webhook", "to", "token");

    private final JsonMapper json;

    public RequestParameters(JsonMapper json) {
        // Jackson keeps the last of two equal keys silently; see the class comment for why that is refused.
        this.json = json.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Parameters of a raw (still percent-encoded) query string. */
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
        MediaType type = mediaType(contentType);
        Charset charset = charset(type);
        String text = decode(body, charset, "请求体");
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
        throw unsupported(type);
    }

    private static PushplusException unsupported(MediaType type) {
        return PushplusException.invalid("不支持的Content-Type: " + type.getType() + "/" + type.getSubtype()
                + "，请使用application/json或application/x-www-form-urlencoded");
    }

    /**
     * Refuses a multipart request even when Spring already parsed its parts away (the body then reads
     * empty, which would otherwise answer a misleading "token不能为空").
     */
    public void refuseMultipart(String contentType) {
        MediaType type = contentType == null || contentType.isBlank() ? null : mediaType(contentType);
        if (type != null && type.getType().equalsIgnoreCase("multipart")) {
            throw unsupported(type);
        }
    }

    /**
     * Whether a body is a form of parameters (form content type, not JSON inside), which the
     * template-in-URL rule leaves alone: a form cannot be a foreign system's payload.
     */
    public boolean isFormOfParameters(String contentType, byte[] body) {
        MediaType type = mediaType(contentType);
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return false;
        }
        return !looksLikeJson(decode(body, charset(type), "请求体"));
    }

    /** The whole body as text, for the template-in-URL rule; any content type, strictly decoded. */
    public String wholeBody(String contentType, byte[] body) {
        return decode(body, charset(mediaType(contentType)), "请求体");
    }

    /**
     * The few routing fields a foreign JSON payload may carry ({@code title}, {@code topic},
     * {@code channel}, {@code option}/{@code webhook}, {@code to}), read leniently: a payload that is not
     * a JSON object, or a field that is not text, simply contributes nothing. A {@code token} field is
     * answered too, only so that the caller can be told where the token belongs; it is never used.
     */
    public Map<String, String> embeddedFields(String text) {
        if (!looksLikeJson(text)) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            return Map.of();
        }
        if (root == null || !root.isObject()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : EMBEDDABLE) {
            JsonNode node = root.get(name);
            if (node != null && node.isValueNode() && !node.isNull()) {
                values.put(name, node.asString());
            }
        }
        return values;
    }

    private Map<String, String> fromJson(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            String duplicate = duplicateField(e);
            if (duplicate != null) {
                throw PushplusException.invalid("参数重复: " + safeName(duplicate) + "（每个参数只能出现一次）");
            }
            throw PushplusException.invalid("请求体不是合法的JSON" + where(e));
        }
        if (root == null || !root.isObject()) {
            throw PushplusException.invalid("请求体必须是JSON对象");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String value = text(field.getKey(), field.getValue());
            if (value != null) {
                values.put(field.getKey(), value);
            }
        }
        return values;
    }

    private static String text(String name, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isContainer() && TEXT_ONLY.contains(name)) {
            throw PushplusException.invalid("参数" + name + "不能是数组或对象");
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
                joined.append(item.isValueNode() ? item.asString() : "");
            }
            if (!allScalars && name.equals("to")) {
                throw PushplusException.invalid("参数to必须是逗号分隔的字符串或字符串数组");
            }
            return allScalars ? joined.toString() : node.toString();
        }
        if (node.isContainer()) {
            if (name.equals("to")) {
                throw PushplusException.invalid("参数to必须是逗号分隔的字符串或字符串数组");
            }
            // A JSON object as content (template json) is kept as its JSON text.
            return node.toString();
        }
        return node.asString();
    }

    /** The field named by Jackson's duplicate-detection error, or null for any other error. */
    private static String duplicateField(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate")) {
            return null;
        }
        for (char quote : new char[] {'"', '\''}) {
            int open = message.indexOf(quote);
            int close = open < 0 ? -1 : message.indexOf(quote, open + 1);
            if (close > open) {
                return message.substring(open + 1, close);
            }
        }
        return "?";
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
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String name = percentDecoded(rawName, rawName, charset, where);
            String value = percentDecoded(rawValue, rawName, charset, where);
            if (values.putIfAbsent(name, value) != null) {
                throw PushplusException.invalid(where + "中参数重复: " + safeName(name) + "（每个参数只能出现一次）");
            }
        }
        return values;
    }

    /** Percent-decoding as URLDecoder does it, but refusing bytes that are not valid in the charset. */
    private static String percentDecoded(String text, String rawName, Charset charset, String where) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()
                        || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw PushplusException.invalid(where + "编码错误: 参数" + safeName(rawName) + "不是合法的URL编码");
                }
                flush(literal, bytes, charset);
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+') {
                literal.append(' ');
            } else {
                literal.append(c);
            }
        }
        flush(literal, bytes, charset);
        try {
            return strict(charset).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw PushplusException.invalid(where + "编码错误: 参数" + safeName(rawName) + "不是合法的" + charset.name() + "文本");
        }
    }

    private static void flush(StringBuilder literal, ByteArrayOutputStream bytes, Charset charset) {
        if (literal.length() > 0) {
            bytes.writeBytes(literal.toString().getBytes(charset));
            literal.setLength(0);
        }
    }

    private static String decode(byte[] body, Charset charset, String where) {
        try {
            return strict(charset).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw PushplusException.invalid(where + "不是合法的" + charset.name() + "文本");
        }
    }

    private static java.nio.charset.CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            type.getCharset();
            return type;
        } catch (IllegalArgumentException e) {
            // InvalidMediaTypeException, or a charset name the JDK does not know or cannot parse.
            throw PushplusException.invalid("无法识别的Content-Type，请使用application/json");
        }
    }

    private static Charset charset(MediaType type) {
        return type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
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
        return (trimmed.startsWith("{") && trimmed.endsWith("}")) || (trimmed.startsWith("[") && trimmed.endsWith("]"));
    }
}
