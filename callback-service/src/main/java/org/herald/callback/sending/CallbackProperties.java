package org.herald.callback.sending;

import org.herald.transport.retry.RetrySchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param retry how failed callbacks are retried (the schedule is in application.yml) */
@ConfigurationProperties("herald.callback")
public record CallbackProperties(RetrySchedule retry) {}
