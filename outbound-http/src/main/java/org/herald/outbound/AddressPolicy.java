package org.herald.outbound;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether Herald may connect to an address on behalf of a user (reference §10.6). Matching
 * is done on the raw address bytes: {@code InetAddress.isSiteLocalAddress()} and friends miss
 * {@code 100.64/10}, {@code fc00::/7} and the IPv6 forms that embed an IPv4 address.
 *
 * <p>The strict policy refuses every range of the table. The permissive policy (loopback and private
 * networks allowed, for the sandbox and tests) still refuses the cloud metadata endpoints, also when
 * they hide inside an IPv6 form: a flag meant for local runs must not open credentials.
 */
public final class AddressPolicy {

    private static final List<Range> IPV4 = List.of(
            v4("0.0.0.0", 8, "\"this host\", reaches localhost on Linux"),
            v4("10.0.0.0", 8, "private network"),
            v4("100.64.0.0", 10, "carrier-grade NAT, contains Alibaba Cloud metadata"),
            v4("127.0.0.0", 8, "loopback"),
            v4("169.254.0.0", 16, "link-local, contains cloud metadata"),
            v4("172.16.0.0", 12, "private network"),
            v4("192.0.0.0", 24, "IETF protocol assignments"),
            v4("192.0.2.0", 24, "documentation"),
            v4("192.88.99.0", 24, "6to4 relay anycast"),
            v4("192.168.0.0", 16, "private network"),
            v4("198.18.0.0", 15, "benchmarking"),
            v4("198.51.100.0", 24, "documentation"),
            v4("203.0.113.0", 24, "documentation"),
            v4("224.0.0.0", 4, "multicast"),
            v4("240.0.0.0", 4, "reserved or broadcast"));

    /** Checked in order: the specific ranges come before {@code ::/96}, which contains them. */
    private static final List<Range> IPV6 = List.of(
            v6("::", 128, "unspecified"),
            v6("::1", 128, "loopback"),
            v6("::ffff:0:0", 96, "IPv4-mapped"),
            v6("::", 96, "IPv4-compatible (deprecated)"),
            v6("64:ff9b::", 96, "NAT64"),
            v6("64:ff9b:1::", 48, "local-use NAT64"),
            v6("100::", 64, "discard"),
            v6("2001:db8::", 32, "documentation"),
            v6("2001::", 32, "Teredo"),
            v6("2002::", 16, "6to4"),
            v6("fc00::", 7, "unique local, contains AWS IMDS fd00:ec2::254"),
            v6("fe80::", 10, "link-local"),
            v6("fec0::", 10, "site-local (deprecated)"),
            v6("ff00::", 8, "multicast"));

    private static final List<byte[]> METADATA =
            List.of(raw("169.254.169.254"), raw("169.254.0.23"), raw("100.100.100.200"), raw("fd00:ec2::254"));

    private static final AddressPolicy STRICT = new AddressPolicy(false);
    private static final AddressPolicy PRIVATE_NETWORKS_ALLOWED = new AddressPolicy(true);

    private final boolean allowPrivateNetworks;

    private AddressPolicy(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Refuses every private, loopback, link-local, metadata, reserved and translated range. */
    public static AddressPolicy strict() {
        return STRICT;
    }

    /** Allows loopback and private networks, still refuses cloud metadata endpoints. */
    public static AddressPolicy allowingPrivateNetworks() {
        return PRIVATE_NETWORKS_ALLOWED;
    }

    public static AddressPolicy of(boolean allowPrivateNetworks) {
        return allowPrivateNetworks ? PRIVATE_NETWORKS_ALLOWED : STRICT;
    }

    public boolean allowsPrivateNetworks() {
        return allowPrivateNetworks;
    }

    /** Why the address must not be reached, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        return refusal(address.getAddress());
    }

    /**
     * Why the raw address (4 or 16 bytes, network order) must not be reached, or empty when it may.
     */
    public Optional<String> refusal(byte[] address) {
        String text = text(address);
        if (address.length == 4) {
            return v4Refusal(address).map(why -> text + " is in " + why);
        }
        if (address.length != 16) {
            return Optional.of("an address of " + address.length + " bytes is not IPv4 or IPv6");
        }
        for (Range range : IPV6) {
            if (!range.contains(address)) {
                continue;
            }
            byte[] embedded = embeddedIpv4(range, address);
            if (range.cidr().equals("::ffff:0:0/96")) {
                // A mapped address is the IPv4 address itself; only that decides.
                return v4Refusal(embedded).map(why -> text + " maps " + text(embedded) + ", which is in " + why);
            }
            if (allowPrivateNetworks) {
                return embedded != null && isMetadata(embedded)
                        ? Optional.of(text + " embeds " + text(embedded) + ", a cloud metadata endpoint")
                        : metadataRefusal(address, text);
            }
            String embeds = embedded == null ? "" : ", embeds " + text(embedded);
            return Optional.of(text + " is in " + range.cidr() + " (" + range.why() + embeds + ")");
        }
        return metadataRefusal(address, text);
    }

    private Optional<String> v4Refusal(byte[] address) {
        if (allowPrivateNetworks) {
            return isMetadata(address) ? Optional.of("a cloud metadata endpoint") : Optional.empty();
        }
        return IPV4.stream()
                .filter(range -> range.contains(address))
                .findFirst()
                .map(range -> range.cidr() + " (" + range.why() + ")");
    }

    private Optional<String> metadataRefusal(byte[] address, String text) {
        return isMetadata(address) ? Optional.of(text + " is a cloud metadata endpoint") : Optional.empty();
    }

    private static boolean isMetadata(byte[] address) {
        return METADATA.stream().anyMatch(candidate -> Arrays.equals(candidate, address));
    }

    /** The IPv4 address an IPv6 translation or tunnelling form carries, or null. */
    private static byte[] embeddedIpv4(Range range, byte[] address) {
        return switch (range.cidr()) {
            case "::ffff:0:0/96", "::/96", "64:ff9b::/96", "64:ff9b:1::/48" -> Arrays.copyOfRange(address, 12, 16);
            case "2002::/16" -> Arrays.copyOfRange(address, 2, 6);
            case "2001::/32" -> {
                // Teredo carries the client's address obfuscated (inverted) in the last 32 bits.
                byte[] client = Arrays.copyOfRange(address, 12, 16);
                for (int i = 0; i < client.length; i++) {
                    client[i] = (byte) ~client[i];
                }
                yield client;
            }
            default -> null;
        };
    }

    /** Dotted IPv4, or IPv6 in its short form (RFC 5952) even when it maps an IPv4 address. */
    static String text(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff);
        }
        if (address.length != 16) {
            return Arrays.toString(address);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static Range v4(String base, int bits, String why) {
        return new Range(raw(base), bits, base + "/" + bits, why);
    }

    private static Range v6(String base, int bits, String why) {
        return new Range(raw(base), bits, base + "/" + bits, why);
    }

    /** Parses a literal without any lookup; IPv4-mapped IPv6 literals keep their 16 bytes. */
    private static byte[] raw(String literal) {
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && bytes.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private record Range(byte[] base, int bits, String cidr, String why) {

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != base[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (base[whole] & mask);
        }
    }
}
