package org.herald.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    private static final Pattern SECRET_KEY = Pattern.compile("\"secretKey\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SIGNING_SECRET = Pattern.compile("\"signingSecret\"\\s*:\\s*\"(whsec_[^\"]+)\"");

    static DemoAccount create(HttpClient http, String ingestUrl, String adminKey, String sandboxUrl) {
        IngestAdmin admin = new IngestAdmin(http, ingestUrl, adminKey);
        String account = admin.post(
                "/api/admin/accounts",
                "{\"name\":\"demo\",\"defaultChannel\":\"webhook\",\"defaultOption\":\"" + WEBHOOK_CODE + "\"}");
        String accountId = IngestAdmin.extract(IngestAdmin.ACCOUNT_ID, account);
        admin.post(
                "/api/admin/accounts/" + accountId + "/webhooks",
                "{\"webhookCode\":\"" + WEBHOOK_CODE + "\",\"webhookName\":\"Sandbox HiFlow\",\"webhookType\":7,"
                        + "\"webhookUrl\":\"" + sandboxUrl + "/hiflow/demo\"}");
        String callback = "/api/admin/accounts/" + accountId + "/callback";
        admin.put(callback + "/url", "{\"callbackUrl\":\"" + sandboxUrl + "/callback/demo\"}");
        String secret = IngestAdmin.extract(SIGNING_SECRET, admin.post(callback + "/signing-secret", "{}"));
        tellSandbox(http, sandboxUrl + "/api/callback-receivers/demo", "{\"secret\":\"" + secret + "\"}");
        return new DemoAccount(
                IngestAdmin.extract(IngestAdmin.TOKEN, account), IngestAdmin.extract(SECRET_KEY, account));
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
}
