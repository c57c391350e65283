package org.herald.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingest's admin API as the local stack and the benchmarks drive it: JSON in, the pushplus envelope
 * out, anything but code 200 a failure that names the path.
 */
public final class IngestAdmin {

    public static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([0-9a-f]{32})\"");
    public static final Pattern ACCOUNT_ID = Pattern.compile("\"accountId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient http;
    private final String ingestUrl;
    private final String adminKey;

    public IngestAdmin(HttpClient http, String ingestUrl, String adminKey) {
        this.http = http;
        this.ingestUrl = ingestUrl;
        this.adminKey = adminKey;
    }

    /** POSTs {@code json} to {@code path} (below the ingest URL); returns the answer's body. */
    public String post(String path, String json) {
        return send("POST", path, json);
    }

    public String put(String path, String json) {
        return send("PUT", path, json);
    }

    /** The first group of {@code pattern} in {@code body}. */
    public static String extract(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer from ingest: " + body);
        }
        return matcher.group(1);
    }

    private String send(String method, String path, String json) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(ingestUrl + path))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("X-Admin-Key", adminKey)
                            .method(method, HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"code\":200")) {
                throw new IllegalStateException("ingest refused " + path + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("ingest did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
