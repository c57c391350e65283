package org.herald.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl where users reach Herald (the gateway); message pages and the icon are linked under it
 * @param publishTimeout how long /send waits for the broker's ack before answering "busy"
 * @param maxTitleLength the longest title accepted, in characters
 * @param maxContentLength the longest content accepted, in characters
 * @param maxBodyBytes the largest /send request body read
 * @param accessKeyTtl how long an open-API access key lives
 */
@ConfigurationProperties("herald.ingest")
public record IngestProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("100") int maxTitleLength,
        @DefaultValue("20000") int maxContentLength,
        @DefaultValue("524288") int maxBodyBytes,
        @DefaultValue("7200s") Duration accessKeyTtl) {

    /** An absolute public URL for a path that starts with a slash. */
    public String publicUrl(String path) {
        String base =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + path;
    }
}
