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
 * with a HiFlow webhook {@code demo} that points at the sandbox, and a signed callback URL at the
 * sandbox's callback receiver {@code demo}, which is told the signing secret so its page shows the
 * callbacks as verified.
 *
 * @param token the user token for {@code /send}
 * @param secretKey the open-API secret key, for the status query
 */
public record DemoAccount(String token, String secretKey) {

    public static final String WEBHOOK_CODE = "demo";

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([0-9a-f]{32})\"");
    private static final Pattern SECRET_KEY = Pattern.compile("\"secretKey\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\"accountId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern SIGNING_SECRET = Pattern.compile("\"signingSecret\"\\s*:\\s*\"(whsec_[^\"]+)\"");

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
        String callback = ingestUrl + "/api/admin/accounts/" + accountId + "/callback";
        send(http, "PUT", callback + "/url", adminKey, "{\"callbackUrl\":\"" + sandboxUrl + "/callback/demo\"}");
        String secret = extract(SIGNING_SECRET, post(http, callback + "/signing-secret", adminKey, "{}"));
        tellSandbox(http, sandboxUrl + "/api/callback-receivers/demo", "{\"secret\":\"" + secret + "\"}");
        return new DemoAccount(extract(TOKEN, account), extract(SECRET_KEY, account));
    }

    private static void tellSandbox(HttpClient http, String url, String json) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the sandbox refused " + url + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox did not answer " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String post(HttpClient http, String url, String adminKey, String json) {
        return send(http, "POST", url, adminKey, json);
    }

    private static String send(HttpClient http, String method, String url, String adminKey, String json) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("X-Admin-Key", adminKey)
                            .method(method, HttpRequest.BodyPublishers.ofString(json))
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
