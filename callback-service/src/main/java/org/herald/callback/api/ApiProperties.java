package org.herald.callback.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param key the {@code X-Admin-Key} the callback API requires; blank refuses every request */
@ConfigurationProperties("herald.admin")
record ApiProperties(String key) {}
