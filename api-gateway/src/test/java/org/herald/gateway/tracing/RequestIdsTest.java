package org.herald.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void shouldKeepAPrintableIdOfUpTo128Characters() {
        String longest = "a".repeat(128);

        assertThat(RequestIds.choose("abc-123_X.y:z/=~")).isEqualTo("abc-123_X.y:z/=~");
        assertThat(RequestIds.choose(longest)).isEqualTo(longest);
    }

    @Test
    void shouldMakeUpAUuidForAMissingOrUnusableId() {
        for (String unusable : new String[] {null, "", "a".repeat(129), "a b", "a\nb", "a\u0000b", "标识"}) {
            String chosen = RequestIds.choose(unusable);

            assertThat(chosen).isNotEqualTo(unusable);
            UUID id = UUID.fromString(chosen);
            assertThat(id.toString()).isEqualTo(chosen);
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
        }
        assertThat(RequestIds.choose(null)).isNotEqualTo(RequestIds.choose(null));
    }
}
