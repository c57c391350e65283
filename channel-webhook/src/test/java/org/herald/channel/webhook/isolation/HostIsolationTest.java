package org.herald.channel.webhook.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostIsolationTest {

    private final HostIsolation isolation =
            new HostIsolation(new IsolationProperties(2, Duration.ZERO, 50, 4, 4, Duration.ofMinutes(1)));

    @Test
    void shouldOpenTheCircuitOfAFailingHostOnlyAndKeepThePathOutOfIt() {
        for (int i = 0; i < 4; i++) {
            ((HostIsolation.Admitted) isolation.admit("https://dead.example/hook/KEY" + i))
                    .failed(new IOException("timeout"));
        }

        HostIsolation.Admission dead = isolation.admit("https://dead.example/hook/other");
        HostIsolation.Admission alive = isolation.admit("https://alive.example/hook/KEY");

        assertThat(dead).isEqualTo(new HostIsolation.Open("dead.example"));
        assertThat(alive).isInstanceOf(HostIsolation.Admitted.class);
    }

    @Test
    void shouldBoundTheCallsInFlightPerHost() {
        HostIsolation.Admission first = isolation.admit("http://slow.example:8080/a");
        HostIsolation.Admission second = isolation.admit("http://slow.example:8080/b");

        HostIsolation.Admission third = isolation.admit("http://slow.example:8080/c");
        HostIsolation.Admission otherHost = isolation.admit("http://fast.example/c");
        ((HostIsolation.Admitted) first).succeeded();
        HostIsolation.Admission afterOneFinished = isolation.admit("http://slow.example:8080/d");

        assertThat(second).isInstanceOf(HostIsolation.Admitted.class);
        assertThat(third).isEqualTo(new HostIsolation.Busy("slow.example:8080"));
        assertThat(otherHost).isInstanceOf(HostIsolation.Admitted.class);
        assertThat(afterOneFinished).isInstanceOf(HostIsolation.Admitted.class);
    }
}
