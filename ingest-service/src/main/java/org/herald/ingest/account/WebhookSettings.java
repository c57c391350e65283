package org.herald.ingest.account;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.herald.ingest.api.HttpAddress;
import org.herald.ingest.api.PushplusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator sends to configure a webhook, checked per type. The URL is only required to be
 * absolute http(s): robots and Gotify/Bark servers may be self-hosted, and whether Herald may call
 * the address is decided by the outbound-safety check at delivery time.
 *
 * @param secret the signing secret (DingTalk, Feishu, Lark only)
 * @param keyword a DingTalk robot's custom keyword, put in front of messages that lack it
 * @param httpMethod CUSTOM: GET, POST, PUT, PATCH or DELETE (default POST)
 * @param headers CUSTOM: request headers, a JSON object of strings
 * @param body CUSTOM: the body template with {title}, {content}, {url}, {shortCode}
 * @param contentType CUSTOM: the body's content type (default application/json)
 */
public record WebhookSettings(
        Integer type,
        String url,
        String secret,
        String keyword,
        String httpMethod,
        Map<String, Object> headers,
        String body,
        String contentType) {

    static final int MAX_SECRET_LENGTH = 256;
    static final int MAX_KEYWORD_LENGTH = 20;
    static final int MAX_HEADERS = 20;
    static final int MAX_HEADER_VALUE_LENGTH = 2048;
    static final int MAX_BODY_LENGTH = 8192;

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** RFC 9110 token characters. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
    /** Set by the HTTP client from the request itself; a configured value would break it. */
    private static final Set<String> RESERVED_HEADERS =
            Set.of("host", "content-length", "transfer-encoding", "connection", "content-type");

    private static final Pattern CONTENT_TYPE =
            Pattern.compile("[a-zA-Z0-9!#$&^_.+-]+/[a-zA-Z0-9!#$&^_.+-]+(\\s*;.*)?");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A configuration that passed the checks: the URL and secret still in clear, to be sealed. */
    public record Checked(WebhookType type, String url, String secret, Map<String, String> attributes) {

        @Override
        public String toString() {
            return "Checked[" + type + ", url=<secret>, secret=<secret>, attributes=" + attributes + "]";
        }
    }

    public Checked check() {
        if (type == null) {
            throw PushplusException.invalid("webhookType不能为空");
        }
        WebhookType webhookType = WebhookType.of(type)
                .orElseThrow(() ->
                        PushplusException.invalid("不支持的webhookType: " + type + "（支持" + WebhookType.listing() + "）"));
        if (url == null || url.isBlank()) {
            throw PushplusException.invalid("webhookUrl不能为空");
        }
        String webhookUrl = HttpAddress.require("webhookUrl", url.trim());
        if (webhookType == WebhookType.TELEGRAM && !hasQueryParameter(webhookUrl, "chat_id")) {
            throw PushplusException.invalid(
                    "Telegram的webhookUrl须为https://api.telegram.org/bot<token>/sendMessage?chat_id=<chat_id>");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        String sealedPart = null;
        switch (webhookType.secretKind()) {
            case SIGNING -> sealedPart = signingSecret();
            case HEADERS -> {
                sealedPart = customHeaders();
                attributes.putAll(customAttributes());
            }
            case NONE -> {
                if (!blank(secret)) {
                    throw PushplusException.invalid("secret仅适用于钉钉、飞书和Lark机器人");
                }
            }
        }
        if (webhookType != WebhookType.CUSTOM && (!blank(httpMethod) || headers != null || !blank(body))) {
            throw PushplusException.invalid("httpMethod、headers和body仅适用于自定义webhook(webhookType 12)");
        }
        if (!blank(keyword)) {
            if (webhookType != WebhookType.DINGTALK) {
                throw PushplusException.invalid("keyword仅适用于钉钉机器人");
            }
            if (keyword.strip().length() > MAX_KEYWORD_LENGTH) {
                throw PushplusException.invalid("keyword长度不能超过" + MAX_KEYWORD_LENGTH + "个字符");
            }
            attributes.put("keyword", keyword.strip());
        }
        return new Checked(webhookType, webhookUrl, sealedPart, attributes);
    }

    private String signingSecret() {
        if (blank(secret)) {
            return null;
        }
        String value = secret.strip();
        if (value.length() > MAX_SECRET_LENGTH) {
            throw PushplusException.invalid("secret长度不能超过" + MAX_SECRET_LENGTH + "个字符");
        }
        return value;
    }

    /** The headers as a JSON object, or null when there are none. */
    private String customHeaders() {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        if (headers.size() > MAX_HEADERS) {
            throw PushplusException.invalid("headers最多" + MAX_HEADERS + "个");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name == null || !HEADER_NAME.matcher(name).matches()) {
                throw PushplusException.invalid("headers中的名称不合法: " + String.valueOf(name));
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw PushplusException.invalid("headers中不能设置" + name + "（Content-Type请用contentType）");
            }
            if (!(value instanceof String text)) {
                throw PushplusException.invalid("headers的值必须是字符串: " + name);
            }
            if (text.length() > MAX_HEADER_VALUE_LENGTH || text.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw PushplusException.invalid("headers的值不合法: " + name);
            }
            checked.put(name, text);
        });
        return JSON.writeValueAsString(checked);
    }

    private Map<String, String> customAttributes() {
        String method = blank(httpMethod) ? "POST" : httpMethod.strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw PushplusException.invalid("httpMethod只能是GET、POST、PUT、PATCH或DELETE");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("method", method);
        if (!blank(body)) {
            if (body.length() > MAX_BODY_LENGTH) {
                throw PushplusException.invalid("body长度不能超过" + MAX_BODY_LENGTH + "个字符");
            }
            attributes.put("body", body);
        }
        String type = blank(contentType) ? "application/json" : contentType.strip();
        if (!CONTENT_TYPE.matcher(type).matches() || type.length() > 200) {
            throw PushplusException.invalid("contentType不合法: " + type);
        }
        attributes.put("contentType", type);
        return attributes;
    }

    private static boolean hasQueryParameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=") && pair.length() > name.length() + 1) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
