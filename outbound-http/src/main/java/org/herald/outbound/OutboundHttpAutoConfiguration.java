package org.herald.outbound;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@EnableConfigurationProperties(OutboundHttpProperties.class)
public class OutboundHttpAutoConfiguration {

    private static final Log log = LogFactory.getLog(OutboundHttpAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    OutboundHttpClientFactory outboundHttpClientFactory(OutboundHttpProperties properties) {
        if (properties.allowPrivateNetworks()) {
            log.warn("herald.outbound.allow-private-networks is on: user-supplied URLs may reach loopback and"
                    + " private networks. Meant for the local stack and tests only.");
        }
        return new OutboundHttpClientFactory(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboundHttp outboundHttp(OutboundHttpClientFactory factory) {
        return new OutboundHttp(factory);
    }

    @Bean
    @ConditionalOnMissingBean
    UrlGuard urlGuard(OutboundHttp outboundHttp) {
        return outboundHttp.guard();
    }
}
