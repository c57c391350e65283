package org.herald.sealing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@EnableConfigurationProperties(SealingProperties.class)
public class SecretSealingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecretSealer secretSealer(SealingProperties properties) {
        return SecretSealer.fromBase64(properties.key());
    }
}
