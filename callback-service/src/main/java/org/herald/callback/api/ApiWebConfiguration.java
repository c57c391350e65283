package org.herald.callback.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ApiWebConfiguration.class);

    private final ApiProperties properties;

    ApiWebConfiguration(ApiProperties properties) {
        this.properties = properties;
        if (properties.key() == null || properties.key().isBlank()) {
            log.warn(
                    "no admin key configured (herald.admin.key, env HERALD_ADMIN_KEY): the callback API refuses every request");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminKeyInterceptor(properties.key())).addPathPatterns("/api/callback/**");
    }
}
