package org.herald.ingest.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param key the value of the {@code X-Admin-Key} header the admin API requires; blank disables the admin API */
@ConfigurationProperties("herald.admin")
public record AdminProperties(String key) {}
