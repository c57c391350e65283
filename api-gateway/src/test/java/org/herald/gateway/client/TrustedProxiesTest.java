package org.herald.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8"));

    @Test
    void shouldTakeTheSocketPeerWhenItIsNoTrustedProxy() {
        assertThat(proxies.clientOf("203.0.113.5", List.of("1.2.3.4"))).isEqualTo("203.0.113.5");
    }

    @Test
    void shouldTakeTheRightMostForwardedAddressOutsideTheTrustedRanges() {
        assertThat(proxies.clientOf("127.0.0.1", List.of("1.2.3.4", "198.51.100.9", "10.1.1.1")))
                .isEqualTo("198.51.100.9");
        assertThat(proxies.clientOf("0:0:0:0:0:0:0:1", List.of("2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void shouldTakeTheLeftMostEntryWhenEveryHopIsTrusted() {
        assertThat(proxies.clientOf("127.0.0.1", List.of("10.0.0.2", "10.0.0.1")))
                .isEqualTo("10.0.0.2");
        assertThat(proxies.clientOf("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldStopAtAnEntryThatIsNoAddress() {
        assertThat(proxies.clientOf("127.0.0.1", List.of("198.51.100.9", "evil.example", "10.0.0.1")))
                .isEqualTo("10.0.0.1");
    }

    @Test
    void shouldSplitForwardedForHeaders() {
        assertThat(TrustedProxies.entries(List.of("1.2.3.4, 5.6.7.8", " 9.9.9.9 ")))
                .containsExactly("1.2.3.4", "5.6.7.8", "9.9.9.9");
    }

    @Test
    void shouldMatchPrefixesThatEndInsideAByte() {
        TrustedProxies docker = TrustedProxies.of(List.of("172.16.0.0/12"));

        assertThat(docker.trusts("172.31.255.1")).isTrue();
        assertThat(docker.trusts("172.32.0.1")).isFalse();
        assertThat(docker.trusts("not-an-ip")).isFalse();
    }

    @Test
    void shouldRefuseARangeThatIsNoAddress() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.example/8")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
