package org.herald.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {

    private final UrlGuard strict = new UrlGuard(AddressPolicy.strict());
    private final UrlGuard permissive = new UrlGuard(AddressPolicy.allowingPrivateNetworks());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://example.com/file",
                "file:///etc/passwd",
                "gopher://example.com:70/_stats",
                "javascript:alert(1)",
                "jar:http://example.com/a.jar!/b"
            })
    void shouldAllowOnlyHttpAndHttps(String url) {
        assertThatThrownBy(() -> strict.check(url))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessageContaining("only http and https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a url", "http://", "https://exa mple.com/"})
    void shouldRefuseWhatIsNotAUrl(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(RefusedUrlException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://user:s3cret@example.com/hook",
                "https://user@example.com/hook",
                "https://:s3cret@example.com/hook"
            })
    void shouldRefuseCredentialsInTheUrl(String url) {
        assertThatThrownBy(() -> strict.check(url))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessageContaining("credentials")
                .hasMessageNotContaining("s3cret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://127.0.0.1/, 127.0.0.1",
        "http://2130706433/, 127.0.0.1",
        "http://017700000001/, 127.0.0.1",
        "http://0x7f000001/, 127.0.0.1",
        "http://0x7f.1/, 127.0.0.1",
        "http://0177.0.0.1/, 127.0.0.1",
        "http://0177.1/, 127.0.0.1",
        "http://127.1/, 127.0.0.1",
        "http://127.0.1/, 127.0.0.1",
        "http://127.0.0.1./, 127.0.0.1",
        "http://0x7F.0x00.0x00.0x01/, 127.0.0.1",
        "http://0/, 0.0.0.0",
        "http://0x0/, 0.0.0.0",
        "http://10.1/, 10.0.0.1",
        "http://012.0.0.1/, 10.0.0.1",
        "http://0xa9.0xfe.0xa9.0xfe/, 169.254.169.254",
        "http://2852039166/, 169.254.169.254",
        "http://0251.0376.0251.0376/, 169.254.169.254",
        "http://169.254.43518/, 169.254.169.254",
        "http://1684300999/, 100.100.100.199",
        "http://0xc0a80001/, 192.168.0.1"
    })
    void shouldCanonicaliseIpv4SpellingsAndRefuseThem(String url, String address) {
        assertThatThrownBy(() -> strict.check(url))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessageContaining(address + " is in");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://[::1]/, ::1",
        "http://[0:0:0:0:0:0:0:1]/, ::1",
        "http://[::]/, ::",
        "http://[::ffff:127.0.0.1]/, 127.0.0.1",
        "http://[::ffff:7f00:1]/, 127.0.0.1",
        "http://[::ffff:a9fe:a9fe]/, 169.254.169.254",
        "http://[fd00:ec2::254]/, fd00:ec2::254",
        "http://[fe80::1]/, fe80::1",
        "http://[64:ff9b::7f00:1]/, 64:ff9b::7f00:1",
        "http://[2002:7f00:1::1]/, 2002:7f00:1::1"
    })
    void shouldRefuseIpv6LiteralsInRefusedRanges(String url, String address) {
        assertThatThrownBy(() -> strict.check(url))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessageContaining(address);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://1.2.3.4.5/",
                "http://256.0.0.1/",
                "http://08.0.0.1/",
                "http://1.2.3.0x100/",
                "http://4294967296/",
                "http://1.16777216/",
                "http://example.123/"
            })
    void shouldRefuseHostsThatLookLikeIpv4ButAreMalformed(String url) {
        assertThatThrownBy(() -> strict.check(url))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessageContaining("malformed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://134744072/hook, http://8.8.8.8/hook",
        "http://0x08080808/hook, http://8.8.8.8/hook",
        "http://8.8.2056/hook, http://8.8.8.8/hook",
        "http://010.010.010.010/hook, http://8.8.8.8/hook"
    })
    void shouldContinueWithTheCanonicalFormOfAnAllowedIpv4Spelling(String url, String canonical) throws Exception {
        assertThat(strict.check(url)).isEqualTo(HttpUrl.get(canonical));
    }

    @Test
    void shouldLeaveDomainNamesToTheResolver() throws Exception {
        HttpUrl url = strict.check("https://hiflow.tencent.com/api/hook/abc?key=1");

        assertThat(url.host()).isEqualTo("hiflow.tencent.com");
        assertThat(url.encodedQuery()).isEqualTo("key=1");
    }

    @Test
    void shouldAllowLoopbackLiteralsOnlyWhenPrivateNetworksAreAllowed() throws Exception {
        assertThat(permissive.check("http://127.1:8090/hiflow/demo"))
                .isEqualTo(HttpUrl.get("http://127.0.0.1:8090/hiflow/demo"));
        assertThat(permissive.check("http://[::1]:8090/x").host()).isEqualTo("::1");
    }

    @Test
    void shouldKeepPathAndQueryOutOfTheRefusalBecauseTheyCarryKeys() {
        assertThatThrownBy(() -> strict.check("http://10.0.0.7:8080/robot/send/SECRET-PATH?access_token=SECRET-QUERY"))
                .isInstanceOfSatisfying(RefusedUrlException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("refused http://10.0.0.7:8080/…: 10.0.0.7 is in 10.0.0.0/8 (private network)");
                    assertThat(e.target()).isEqualTo("http://10.0.0.7:8080/…");
                    assertThat(e.reason()).doesNotContain("SECRET");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET, https://qyapi.weixin.qq.com/…",
        "http://example.com:8080/SECRET, http://example.com:8080/…",
        "http://[::1]:81/SECRET, http://[::1]:81/…",
        "not a url SECRET, <invalid URL>"
    })
    void shouldRedactAUrlToSchemeHostAndPort(String url, String redacted) {
        assertThat(UrlGuard.redact(url)).isEqualTo(redacted);
    }
}
