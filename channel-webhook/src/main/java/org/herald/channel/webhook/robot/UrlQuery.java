package org.herald.channel.webhook.robot;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads one query parameter of a robot URL (its key or access token). */
public final class UrlQuery {

    private UrlQuery() {}

    public static Optional<String> parameter(String url, String name) {
        String query;
        try {
            query = URI.create(url).getRawQuery();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name) && eq >= 0) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** The last path segment, e.g. a Feishu hook id. */
    public static String lastSegment(String url) {
        try {
            String path = URI.create(url).getPath();
            return path == null ? url : path.substring(path.lastIndexOf('/') + 1);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** {@code url} with {@code &name=value} (or {@code ?}) appended; value must be URL-encoded. */
    public static String append(String url, String name, String encodedValue) {
        return url + (url.contains("?") ? "&" : "?") + name + "=" + encodedValue;
    }
}
