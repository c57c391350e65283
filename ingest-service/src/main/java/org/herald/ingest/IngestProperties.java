package org.herald.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl where users reach Herald (the gateway); message pages and the icon are linked under it
 * @param publishTimeout how long /send waits for the broker's ack before answering "busy"
 * @param maxTitleLength the longest title accepted, in characters
 * @param maxContentLength the longest content accepted, in characters
 * @param maxBodyBytes the largest /send request body read
 * @param maxRecipients the most {@code to} entries one /send may name; more are refused
 * @param maxDeadlineAhead how far in the future a {@code timestamp} may lie (beyond it is a typo, not a deadline)
 * @param sameContentLimit how often one account may send the same channel, title, content and template
 *     within {@code sameContentWindow}; 0 turns the check off
 * @param sameContentWindow the window of {@code sameContentLimit}, counted from the first accepted copy
 * @param dailyQuota messages per channel per account per Beijing-time day; 0 means unlimited
 * @param dailyQuotas per-channel overrides of {@code dailyQuota} (channel name → quota, 0 unlimited)
 * @param maxBatchChannels the most channels one /batchSend may list
 * @param accessKeyTtl how long an open-API access key lives
 * @param retention how long messages stay readable (page, open API) before the purge deletes them
 * @param openChannels the channels whose delivering service runs (env HERALD_OPEN_CHANNELS); /send refuses the
 *     others and the dispatcher fails their deliveries at once
 */
@ConfigurationProperties("herald.ingest")
public record IngestProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("100") int maxTitleLength,
        @DefaultValue("20000") int maxContentLength,
        @DefaultValue("524288") int maxBodyBytes,
        @DefaultValue("10") int maxRecipients,
        @DefaultValue("365d") Duration maxDeadlineAhead,
        @DefaultValue("3") int sameContentLimit,
        @DefaultValue("1h") Duration sameContentWindow,
        @DefaultValue("0") int dailyQuota,
        Map<String, Integer> dailyQuotas,
        @DefaultValue("10") int maxBatchChannels,
        @DefaultValue("7200s") Duration accessKeyTtl,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("webhook") Set<String> openChannels) {

    /** The daily quota of a channel: its override if any, else {@code dailyQuota}; 0 means unlimited. */
    public int dailyQuotaOf(String channel) {
        Integer override = dailyQuotas == null ? null : dailyQuotas.get(channel);
        return override != null ? override : dailyQuota;
    }

    /** An absolute public URL for a path that starts with a slash. */
    public String publicUrl(String path) {
        String base =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + path;
    }
}
