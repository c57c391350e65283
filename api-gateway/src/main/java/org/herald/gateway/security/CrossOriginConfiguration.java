package org.herald.gateway.security;

import java.time.Duration;
import java.util.List;
import org.herald.gateway.GatewayFilterOrder;
import org.herald.gateway.tracing.RequestIds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class CrossOriginConfiguration {

    @Bean
    OrderedCorsWebFilter corsWebFilter(CorsProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        // With no origin listed nothing is registered, so a cross-site browser call gets no CORS grant.
        if (!properties.allowedOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(properties.allowedOrigins());
            cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
            cors.addAllowedHeader("*");
            // Retry-After tells a browser client over a limit when to try again.
            cors.setExposedHeaders(List.of(RequestIds.HEADER, "Retry-After"));
            // pushplus calls carry their token in the body or the access-key header, never in cookies.
            cors.setAllowCredentials(false);
            cors.setMaxAge(Duration.ofMinutes(30));
            source.registerCorsConfiguration("/send", cors);
            source.registerCorsConfiguration("/api/**", cors);
        }
        return new OrderedCorsWebFilter(source);
    }

    static final class OrderedCorsWebFilter extends CorsWebFilter implements Ordered {

        OrderedCorsWebFilter(UrlBasedCorsConfigurationSource source) {
            super(source);
        }

        @Override
        public int getOrder() {
            return GatewayFilterOrder.CORS;
        }
    }
}
