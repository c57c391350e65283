package org.herald.gateway.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address ranges whose {@code X-Forwarded-For} the gateway believes: a reverse proxy in front of
 * it. A client can write anything into the header, so an entry only counts when the hop that added the
 * next one is trusted; the client is the right-most entry not in a trusted range.
 */
public final class TrustedProxies {

    private final List<Cidr> ranges;

    private TrustedProxies(List<Cidr> ranges) {
        this.ranges = ranges;
    }

    /** Parses CIDR ranges ({@code 10.0.0.0/8}, {@code ::1/128}) or single addresses. */
    public static TrustedProxies of(List<String> cidrs) {
        return new TrustedProxies(cidrs.stream()
                .map(String::trim)
                .filter(c -> !c.isEmpty())
                .map(Cidr::parse)
                .toList());
    }

    public boolean trusts(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Cidr range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address: the socket peer unless it is a trusted proxy, else walking
     * {@code X-Forwarded-For} from the right past trusted proxies. When every entry is trusted the
     * left-most one is the best there is.
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        if (!trusts(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        String candidate = peer;
        for (int i = forwardedFor.size() - 1; i >= 0; i--) {
            String hop = forwardedFor.get(i);
            if (literal(hop) == null) {
                // Garbage in the header: stop at the last address a trusted proxy vouched for.
                return candidate;
            }
            candidate = normalize(hop);
            if (!trusts(hop)) {
                return candidate;
            }
        }
        return candidate;
    }

    /** The comma-separated entries of every X-Forwarded-For header, in order. */
    public static List<String> entries(List<String> headerValues) {
        if (headerValues == null) {
            return List.of();
        }
        return headerValues.stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    private static String normalize(String address) {
        byte[] bytes = literal(address);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /**
     * The bytes of an IP literal, or null for anything else. Never a DNS lookup: only digits, dots,
     * colons and hex pass, and an IPv4 entry with a port ({@code 1.2.3.4:5678}) is refused.
     */
    static byte[] literal(String address) {
        if (address == null || address.isEmpty() || address.length() > 45) {
            return null;
        }
        String bare =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        boolean ipv6 = bare.indexOf(':') >= 0;
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            boolean ok = c == '.' || Character.digit(c, 10) >= 0 || (ipv6 && (c == ':' || Character.digit(c, 16) >= 0));
            if (!ok) {
                return null;
            }
        }
        if (!ipv6 && bare.chars().filter(c -> c == '.').count() != 3) {
            return null;
        }
        try {
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] network = literal(address);
            if (network == null) {
                throw new IllegalArgumentException("herald.gateway.trusted-proxies: not an IP range: " + cidr);
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("herald.gateway.trusted-proxies: bad prefix length: " + cidr);
            }
            return new Cidr(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
