package org.herald.gateway.routes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * {@code /sandbox/**} to provider-sandbox, the fake provider APIs, in the local stack only. It is the
 * one route declared in Java: a profile's YAML document would replace the whole route list of
 * application.yml rather than add to it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class SandboxRoute {

    @Bean
    RouteLocator providerSandboxRoute(
            RouteLocatorBuilder routes, @Value("${herald.gateway.sandbox-url}") String sandboxUrl) {
        return routes.routes()
                .route("provider-sandbox", route -> route.path("/sandbox/**")
                        .filters(filters -> filters.stripPrefix(1))
                        .uri(sandboxUrl))
                .build();
    }
}
