package org.herald.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    private final AddressPolicy strict = AddressPolicy.strict();
    private final AddressPolicy permissive = AddressPolicy.allowingPrivateNetworks();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "0.0.0.0, 0.0.0.0/8",
        "0.255.255.255, 0.0.0.0/8",
        "10.0.0.1, 10.0.0.0/8",
        "10.255.255.255, 10.0.0.0/8",
        "100.64.0.0, 100.64.0.0/10",
        "100.100.100.200, 100.64.0.0/10",
        "100.127.255.255, 100.64.0.0/10",
        "127.0.0.1, 127.0.0.0/8",
        "127.255.255.254, 127.0.0.0/8",
        "169.254.169.254, 169.254.0.0/16",
        "169.254.0.23, 169.254.0.0/16",
        "172.16.0.1, 172.16.0.0/12",
        "172.31.255.255, 172.16.0.0/12",
        "192.0.0.8, 192.0.0.0/24",
        "192.0.2.10, 192.0.2.0/24",
        "192.88.99.1, 192.88.99.0/24",
        "192.168.1.1, 192.168.0.0/16",
        "198.18.0.1, 198.18.0.0/15",
        "198.19.255.255, 198.18.0.0/15",
        "198.51.100.7, 198.51.100.0/24",
        "203.0.113.9, 203.0.113.0/24",
        "224.0.0.1, 224.0.0.0/4",
        "239.255.255.255, 224.0.0.0/4",
        "240.0.0.1, 240.0.0.0/4",
        "255.255.255.255, 240.0.0.0/4"
    })
    void shouldRefuseEveryIpv4RangeOfTheGuard(String address, String range) {
        assertThat(strict.refusal(bytes(address)))
                .hasValueSatisfying(why -> assertThat(why).startsWith(address + " is in " + range));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.1.1.1",
                "8.8.8.8",
                "9.255.255.255",
                "11.0.0.0",
                "100.63.255.255",
                "100.128.0.0",
                "126.255.255.255",
                "128.0.0.0",
                "169.253.255.255",
                "169.255.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "192.0.1.0",
                "192.167.255.255",
                "192.169.0.0",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.255"
            })
    void shouldAllowPublicIpv4AddressesIncludingTheNeighboursOfEachRange(String address) {
        assertThat(strict.refusal(bytes(address))).isEmpty();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "::, ::/128",
        "::1, ::1/128",
        "::7f00:1, ::/96",
        "64:ff9b::808:808, 64:ff9b::/96",
        "64:ff9b:1::1, 64:ff9b:1::/48",
        "100::1, 100::/64",
        "2001::1, 2001::/32",
        "2001:db8::1, 2001:db8::/32",
        "2002:808:808::1, 2002::/16",
        "fc00::1, fc00::/7",
        "fd00:ec2::254, fc00::/7",
        "fe80::1, fe80::/10",
        "febf:ffff::1, fe80::/10",
        "fec0::1, fec0::/10",
        "ff02::1, ff00::/8"
    })
    void shouldRefuseEveryIpv6RangeOfTheGuard(String address, String range) {
        assertThat(strict.refusal(bytes(address)))
                .hasValueSatisfying(why -> assertThat(why).startsWith(address + " is in " + range));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2606:4700:4700::1111", "2400:3200::1", "2001:4860:4860::8888", "fbff::1", "fe7f::1"})
    void shouldAllowPublicIpv6Addresses(String address) {
        assertThat(strict.refusal(bytes(address))).isEmpty();
    }

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource({
        "00000000000000000000ffff7f000001, 127.0.0.1",
        "00000000000000000000ffffa9fea9fe, 169.254.169.254",
        "00000000000000000000ffff0a000001, 10.0.0.1"
    })
    void shouldJudgeAnIpv4MappedAddressByTheIpv4AddressItCarries(String hex, String embedded) {
        assertThat(strict.refusal(hex(hex)))
                .hasValueSatisfying(why -> assertThat(why).contains("maps " + embedded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000000000000000ffff08080808", "00000000000000000000ffff01010101"})
    void shouldAllowAnIpv4MappedPublicAddress(String hex) {
        assertThat(strict.refusal(hex(hex))).isEmpty();
    }

    @ParameterizedTest(name = "{0} embeds {1}")
    @CsvSource({
        "64:ff9b::7f00:1, 127.0.0.1",
        "2002:a9fe:a9fe::1, 169.254.169.254",
        // Teredo: server 65.54.227.120, client 127.0.0.1 stored inverted (80ff:fffe)
        "2001:0:4136:e378:8000:63bf:80ff:fffe, 127.0.0.1",
        "::a00:1, 10.0.0.1"
    })
    void shouldNameTheIpv4AddressATranslatedFormEmbeds(String address, String embedded) {
        assertThat(strict.refusal(bytes(address)))
                .hasValueSatisfying(why -> assertThat(why).contains("embeds " + embedded));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.1.2.3",
                "192.168.0.10",
                "172.20.0.5",
                "100.64.1.1",
                "::1",
                "fd12:3456::1",
                "fe80::1",
                "169.254.1.1"
            })
    void shouldAllowLoopbackAndPrivateNetworksWhenConfigured(String address) {
        assertThat(permissive.refusal(bytes(address))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "169.254.169.254",
                "169.254.0.23",
                "100.100.100.200",
                "fd00:ec2::254",
                "64:ff9b::a9fe:a9fe",
                "2002:a9fe:a9fe::1",
                "::a9fe:a9fe"
            })
    void shouldStillRefuseCloudMetadataWhenPrivateNetworksAreAllowed(String address) {
        assertThat(permissive.refusal(bytes(address))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000000000000000ffffa9fea9fe", "00000000000000000000ffff646464c8"})
    void shouldStillRefuseAMappedMetadataAddressWhenPrivateNetworksAreAllowed(String hex) {
        assertThat(permissive.refusal(hex(hex))).isPresent();
    }

    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
