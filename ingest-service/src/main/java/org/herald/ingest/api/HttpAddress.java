package org.herald.ingest.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import okhttp3.HttpUrl;

/** The rule for URLs users hand to Herald (callback URLs, webhook URLs): absolute http(s), bounded. */
public final class HttpAddress {

    public static final int MAX_LENGTH = 1024;

    private HttpAddress() {}

    /**
     * Checks a user-supplied URL.
     *
     * @param field the parameter name as the user wrote it, used in the message
     * @throws PushplusException 999 with a message naming the field
     */
    public static String require(String field, String url) {
        if (url.length() > MAX_LENGTH) {
            throw PushplusException.invalid(field + "长度不能超过" + MAX_LENGTH + "个字符");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw PushplusException.invalid(field + "不是合法的URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw PushplusException.invalid(field + "必须是http或https地址");
        }
        if ((uri.getHost() == null || uri.getHost().isBlank()) && !hasHostForClient(uri, url)) {
            throw PushplusException.invalid(field + "缺少主机名");
        }
        return url;
    }

    /**
     * java.net.URI finds no host in IPv4 spellings such as {@code 127.1} or {@code 0x7f.1}, which
     * browsers and the OkHttp client read as addresses; they are hosts here, so that the address rules
     * (UrlGuard) judge them instead of a misleading "no host".
     */
    private static boolean hasHostForClient(URI uri, String url) {
        // Without an authority ("http:///x") OkHttp would take the path for the host; that is no host.
        if (uri.getRawAuthority() == null || uri.getRawAuthority().isBlank()) {
            return false;
        }
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed != null && !parsed.host().isEmpty();
    }

    /** Scheme and host only: how a URL that may carry a key appears in logs. */
    public static String redacted(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() + "://" + uri.getHost() + "/…";
        } catch (URISyntaxException | RuntimeException e) {
            return "(unparseable URL)";
        }
    }
}
