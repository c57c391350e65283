package org.herald.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The browser origins allowed to call /send and /api/** across sites; none unless listed. */
@ConfigurationProperties("herald.gateway.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::trim)
                        .filter(o -> !o.isEmpty())
                        .toList();
    }
}
