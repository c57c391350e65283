package org.herald.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Checks a user-supplied URL before anything is sent (reference §10.6 steps 1 and 4): http or https
 * only, no credentials, and a host given as an IP literal checked here, because OkHttp does not ask
 * its {@code Dns} hook about literals. IPv4 literals are read the way browsers and curl read them
 * ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1} are all 127.0.0.1) and the
 * URL continues with the canonical dotted form, so the address checked is the address used.
 *
 * <p>URLs are parsed with OkHttp's own parser, the one the client uses, so the guard and the client
 * cannot disagree about what the host is.
 */
public final class UrlGuard {

    private static final String INVALID = "<invalid URL>";

    private final AddressPolicy policy;

    public UrlGuard(AddressPolicy policy) {
        this.policy = policy;
    }

    public AddressPolicy policy() {
        return policy;
    }

    /** Parses and checks a URL; answers it with an IP-literal host in canonical form. */
    public HttpUrl check(String url) throws RefusedUrlException {
        if (url == null || url.isBlank()) {
            throw new RefusedUrlException(INVALID, "no URL given");
        }
        String trimmed = url.strip();
        HttpUrl parsed = HttpUrl.parse(trimmed);
        if (parsed == null) {
            String scheme = scheme(trimmed);
            if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
                throw new RefusedUrlException(scheme + ":…", "only http and https URLs are allowed");
            }
            throw new RefusedUrlException(INVALID, "not a valid http or https URL");
        }
        return check(parsed);
    }

    /** Checks an already parsed URL; answers it with an IP-literal host in canonical form. */
    public HttpUrl check(HttpUrl url) throws RefusedUrlException {
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new RefusedUrlException(redact(url), "credentials in the URL (user:password@) are not allowed");
        }
        String host = url.host();
        byte[] literal = literalAddress(url, host);
        if (literal == null) {
            return url;
        }
        var refusal = policy.refusal(literal);
        if (refusal.isPresent()) {
            throw new RefusedUrlException(redact(url), refusal.get());
        }
        if (literal.length == 4) {
            String canonical = AddressPolicy.text(literal);
            if (!canonical.equals(host)) {
                return url.newBuilder().host(canonical).build();
            }
        }
        return url;
    }

    /**
     * The URL as scheme, host and non-default port followed by {@code /…}: what may appear in logs,
     * status reasons and error messages.
     */
    public static String redact(HttpUrl url) {
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.scheme() + "://" + host + (defaultPort ? "" : ":" + url.port()) + "/…";
    }

    /** {@link #redact(HttpUrl)} of a URL given as text; never echoes text that does not parse. */
    public static String redact(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        return parsed == null ? INVALID : redact(parsed);
    }

    private static byte[] literalAddress(HttpUrl url, String host) throws RefusedUrlException {
        if (host.contains(":")) {
            try {
                // A literal containing ':' is parsed by the JDK without any lookup.
                return InetAddress.getByName(host).getAddress();
            } catch (UnknownHostException e) {
                throw new RefusedUrlException(redact(url), "malformed IPv6 address");
            }
        }
        try {
            return Ipv4Literal.parse(host);
        } catch (IllegalArgumentException e) {
            throw new RefusedUrlException(redact(url), "host looks like an IPv4 address but is malformed");
        }
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.matches("[a-z][a-z0-9+.-]*") ? scheme : null;
    }

    /** IPv4 host parsing as the WHATWG URL standard does it (the inet_aton forms). */
    static final class Ipv4Literal {

        private Ipv4Literal() {}

        /**
         * The four bytes the host names, or null when it is a domain name.
         *
         * @throws IllegalArgumentException when it ends in a number but is not a valid IPv4 address
         */
        static byte[] parse(String host) {
            String text = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            String[] parts = text.split("\\.", -1);
            if (!isNumber(parts[parts.length - 1])) {
                return null;
            }
            if (parts.length > 4) {
                throw new IllegalArgumentException("more than four parts");
            }
            long[] numbers = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                numbers[i] = number(parts[i]);
            }
            for (int i = 0; i < numbers.length - 1; i++) {
                if (numbers[i] > 255) {
                    throw new IllegalArgumentException("part out of range");
                }
            }
            long last = numbers[numbers.length - 1];
            if (last >= 1L << (8 * (5 - numbers.length))) {
                throw new IllegalArgumentException("last part out of range");
            }
            long address = last;
            for (int i = 0; i < numbers.length - 1; i++) {
                address += numbers[i] << (8 * (3 - i));
            }
            return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
            };
        }

        private static boolean isNumber(String part) {
            if (part.isEmpty()) {
                return false;
            }
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return part.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
            }
            return part.chars().allMatch(c -> c >= '0' && c <= '9');
        }

        private static long number(String part) {
            if (part.isEmpty() || part.length() > 34) {
                throw new IllegalArgumentException("empty or overlong part");
            }
            int radix = 10;
            String digits = part;
            if (part.startsWith("0x") || part.startsWith("0X")) {
                radix = 16;
                digits = part.substring(2);
            } else if (part.length() > 1 && part.startsWith("0")) {
                radix = 8;
                digits = part.substring(1);
            }
            if (digits.isEmpty()) {
                return 0;
            }
            // Leading zeros cannot overflow; strip them so long parts like 0x00000000007f still parse.
            digits = digits.replaceFirst("^0+(?=.)", "");
            if (digits.length() > 12) {
                throw new IllegalArgumentException("part out of range");
            }
            try {
                return Long.parseLong(digits, radix);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number in base " + radix);
            }
        }
    }
}
