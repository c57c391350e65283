package org.herald.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param inboxCapacity how many received requests are kept; the oldest are forgotten first */
@ConfigurationProperties("herald.sandbox")
public record SandboxProperties(@DefaultValue("2000") int inboxCapacity) {}
