package org.herald.sealing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param key the base64 of a 32-byte key, the same in every service that seals or opens */
@ConfigurationProperties("herald.sealing")
public record SealingProperties(String key) {}
