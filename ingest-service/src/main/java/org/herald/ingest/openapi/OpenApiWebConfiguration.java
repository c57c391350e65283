package org.herald.ingest.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Resolves {@link OpenApiAccount} parameters from the {@code access-key} header. */
@Configuration(proxyBeanMethods = false)
class OpenApiWebConfiguration implements WebMvcConfigurer {

    static final String ACCESS_KEY_HEADER = "access-key";

    static {
        // The account is not a request parameter; the API description shows the header instead.
        SpringDocUtils.getConfig().addAnnotationsToIgnore(OpenApiAccount.class);
    }

    private final AccessKeyService accessKeys;

    OpenApiWebConfiguration(AccessKeyService accessKeys) {
        this.accessKeys = accessKeys;
    }

    @Bean
    OpenAPI heraldOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Herald")
                        .version("v1")
                        .description("pushplus-compatible send API and open API; answers are {code, msg, data}."))
                .components(new Components()
                        .addSecuritySchemes(
                                ACCESS_KEY_HEADER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(ACCESS_KEY_HEADER)
                                        .description("from POST /api/common/openApi/getAccessKey")));
    }

    /** Operations taking an {@link OpenApiAccount} need the access-key header. */
    @Bean
    OperationCustomizer accessKeyRequirement() {
        return (operation, handler) -> {
            boolean needsKey = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(OpenApiAccount.class));
            return needsKey
                    ? operation.addSecurityItem(new SecurityRequirement().addList(ACCESS_KEY_HEADER))
                    : operation;
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.hasParameterAnnotation(OpenApiAccount.class)
                        && UUID.class.equals(parameter.getParameterType());
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer container,
                    NativeWebRequest request,
                    WebDataBinderFactory binderFactory) {
                return accessKeys.authenticate(request.getHeader(ACCESS_KEY_HEADER));
            }
        });
    }
}
