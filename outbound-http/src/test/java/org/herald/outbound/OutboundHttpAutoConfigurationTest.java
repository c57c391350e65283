package org.herald.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OutboundHttpAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OutboundHttpAutoConfiguration.class));

    @Test
    void shouldRefusePrivateNetworksAndUseShortTimeoutsByDefault() {
        runner.run(context -> {
            OutboundHttpProperties properties = context.getBean(OutboundHttpProperties.class);
            assertThat(properties).isEqualTo(OutboundHttpProperties.defaults(false));
            assertThat(context.getBean(UrlGuard.class).policy()).isSameAs(AddressPolicy.strict());
            assertThat(context).hasSingleBean(OutboundHttp.class);
        });
    }

    @Test
    void shouldBindTheOutboundSettings() {
        runner.withPropertyValues(
                        "herald.outbound.allow-private-networks=true",
                        "herald.outbound.connect-timeout=1s",
                        "herald.outbound.read-timeout=3s",
                        "herald.outbound.call-timeout=4s",
                        "herald.outbound.max-response-bytes=1024",
                        "herald.outbound.max-idle-connections=16")
                .run(context -> {
                    assertThat(context.getBean(OutboundHttpProperties.class))
                            .isEqualTo(new OutboundHttpProperties(
                                    true,
                                    Duration.ofSeconds(1),
                                    Duration.ofSeconds(3),
                                    Duration.ofSeconds(4),
                                    1024,
                                    16));
                    assertThat(context.getBean(UrlGuard.class).policy())
                            .isSameAs(AddressPolicy.allowingPrivateNetworks());
                });
    }
}
