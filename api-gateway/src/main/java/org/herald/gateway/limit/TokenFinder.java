package org.herald.gateway.limit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the pushplus user token of a request where ingest would: a {@code token} field in a JSON or
 * form body beats {@code ?token=}, which beats {@code /send/{token}} or {@code /batchSend/{token}}.
 * The gateway only keys its rate limit on it; ingest decides whether it is valid.
 */
public final class TokenFinder {

    /** Longer values are no pushplus token; they would only bloat the limiter's keys. */
    static final int MAX_TOKEN_LENGTH = 128;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenFinder() {}

    /**
     * @param rawPath the request path as sent (percent-encoded)
     * @param rawQuery the query string as sent, or null
     * @param contentType the body's content type, or null
     * @param body the body bytes, empty when there is none
     * @return the token, or null when the request names none
     */
    public static String find(String rawPath, String rawQuery, MediaType contentType, byte[] body) {
        String token = usable(fromBody(contentType, body));
        if (token == null) {
            token = usable(fromForm(rawQuery));
        }
        if (token == null) {
            token = usable(fromPath(rawPath));
        }
        return token;
    }

    static String fromPath(String rawPath) {
        for (String prefix : new String[] {"/send/", "/batchSend/"}) {
            if (rawPath != null && rawPath.startsWith(prefix)) {
                String rest = rawPath.substring(prefix.length());
                int slash = rest.indexOf('/');
                return decode(slash < 0 ? rest : rest.substring(0, slash));
            }
        }
        return null;
    }

    static String fromBody(MediaType contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        // Ingest reads a JSON body sent with the form content type (plain `curl -d`) as JSON too.
        if (looksLikeJsonObject(body)) {
            return fromJson(body);
        }
        if (contentType != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)) {
            return fromForm(new String(body, StandardCharsets.UTF_8));
        }
        return null;
    }

    private static boolean looksLikeJsonObject(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b == '{';
        }
        return false;
    }

    private static String fromJson(byte[] body) {
        try {
            JsonNode token = JSON.readTree(body).get("token");
            return token != null && token.isString() ? token.asString() : null;
        } catch (JacksonException e) {
            // Ingest answers malformed JSON itself; the limit falls back to the client's address.
            return null;
        }
    }

    static String fromForm(String form) {
        if (form == null || form.isEmpty()) {
            return null;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "token".equals(decode(pair.substring(0, eq)))) {
                return decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String usable(String token) {
        if (token == null) {
            return null;
        }
        String trimmed = token.trim();
        return trimmed.isEmpty() || trimmed.length() > MAX_TOKEN_LENGTH ? null : trimmed;
    }
}
