package org.herald.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretSealerTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final SecretSealer sealer = SecretSealer.fromBase64(KEY);

    @Test
    void shouldOpenWhatItSealedWithoutShowingTheSecret() {
        String url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx";

        String sealed = sealer.seal(url);

        assertThat(sealed).startsWith("v1:").doesNotContain("693a91f6").doesNotContain("qyapi");
        assertThat(sealer.open(sealed)).isEqualTo(url);
    }

    @Test
    void shouldSealTheSameSecretDifferentlyEachTime() {
        assertThat(sealer.seal("secret")).isNotEqualTo(sealer.seal("secret"));
    }

    @Test
    void shouldRefuseATamperedValue() {
        String sealed = sealer.seal("secret");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);

        assertThatThrownBy(() -> sealer.open(tampered)).isInstanceOf(SealedValueException.class);
    }

    @Test
    void shouldRefuseAValueSealedWithAnotherKey() {
        byte[] other = new byte[32];
        other[0] = 1;
        String sealed = new SecretSealer(other).seal("secret");

        assertThatThrownBy(() -> sealer.open(sealed))
                .isInstanceOf(SealedValueException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void shouldExplainAMissingKey() {
        assertThatThrownBy(() -> SecretSealer.fromBase64(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HERALD_SEALING_KEY");
    }
}
