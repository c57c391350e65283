package org.herald.ingest.send;

/**
 * The /send parameters as the caller gave them, after merging path, query and body, before any
 * validation. Absent or blank values are null.
 *
 * @param option the {@code option} parameter or its older name {@code webhook}
 * @param timestamp the {@code timestamp} parameter as written (epoch milliseconds)
 * @param to the {@code to} parameter as written (comma-separated)
 */
public record SendParameters(
        String token,
        String title,
        String content,
        String topic,
        String template,
        String channel,
        String option,
        String callbackUrl,
        String timestamp,
        String to) {}
