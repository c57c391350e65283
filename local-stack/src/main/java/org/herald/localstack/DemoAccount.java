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
 * The account a newcomer sends with: created through ingest's admin API like any other account,
 * with a HiFlow webhook {@code demo} that points at the sandbox.
 *
 * @param token the user token for {@code /send}
 * @param secretKey the open-API secret key, for the status query
 */
public record DemoAccount(String token, String secretKey) {

    public static final String WEBHOOK_CODE = "demo";

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([0-9a-f]{32})\"");
    private static final Pattern SECRET_KEY = Pattern.compile("\"secretKey\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\"accountId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    static DemoAccount create(HttpClient http, String ingestUrl, String adminKey, String sandboxUrl) {
        String account = post(
                http,
                ingestUrl + "/api/admin/accounts",
                adminKey,
                "{\"name\":\"demo\",\"defaultChannel\":\"webhook\",\"defaultOption\":\"" + WEBHOOK_CODE + "\"}");
        String accountId = extract(ACCOUNT_ID, account);
        post(
                http,
                ingestUrl + "/api/admin/accounts/" + accountId + "/webhooks",
                adminKey,
                "{\"webhookCode\":\"" + WEBHOOK_CODE + "\",\"webhookName\":\"Sandbox HiFlow\",\"webhookType\":7,"
                        + "\"webhookUrl\":\"" + sandboxUrl + "/hiflow/demo\"}");
        return new DemoAccount(extract(TOKEN, account), extract(SECRET_KEY, account));
    }

    private static String post(HttpClient http, String url, String adminKey, String json) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("X-Admin-Key", adminKey)
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"code\":200")) {
                throw new IllegalStateException("ingest refused " + url + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("ingest did not answer " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String extract(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer from ingest: " + body);
        }
        return matcher.group(1);
    }
}
