package org.herald.sandbox.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ScriptedFailuresTest {

    private final ScriptedFailures failures = new ScriptedFailures();

    @Test
    void shouldFailExactlyTheScriptedNumberOfRequestsOfThatHook() {
        failures.failNext("hiflow", "h", 2, 500);

        assertThat(failures.nextFailure("hiflow", "other")).isEmpty();
        assertThat(failures.nextFailure("hiflow", "h")).isEqualTo(OptionalInt.of(500));
        assertThat(failures.nextFailure("hiflow", "h")).isEqualTo(OptionalInt.of(500));
        assertThat(failures.nextFailure("hiflow", "h")).isEmpty();
        assertThat(failures.pending()).isEmpty();
    }

    @Test
    void shouldCancelAScriptWithZeroTimes() {
        failures.failNext("callback", "r", 3, 503);
        failures.failNext("callback", "r", 0, 503);

        assertThat(failures.nextFailure("callback", "r")).isEmpty();
    }

    @Test
    void shouldRefuseImpossibleScripts() {
        assertThatThrownBy(() -> failures.failNext("hiflow", "h", -1, 500))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> failures.failNext("hiflow", "h", 1, 700)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldScriptVendorCodesLatencyAndResetsForTheFakesThatTakeThem() {
        failures.script("wecom", "k", 2, 45009, java.time.Duration.ofMillis(50), false);

        assertThat(failures.nextFailure("wecom", "k")).isEmpty();
        assertThat(failures.next("wecom", "k")).contains(new ScriptedFailures.Script(2, 0, 45009, 50, false));
        assertThat(failures.next("wecom", "k")).contains(new ScriptedFailures.Script(1, 0, 45009, 50, false));
        assertThat(failures.next("wecom", "k")).isEmpty();
    }
}
