package org.herald.gateway.client;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reverse proxies in front of the gateway (CIDR ranges). Only their {@code X-Forwarded-For} is
 * believed; loopback alone by default, so a direct caller cannot pick the address it is limited by.
 */
@ConfigurationProperties("herald.gateway")
public record ClientIpProperties(List<String> trustedProxies) {

    public ClientIpProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
