package org.herald.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * pushplus {@code /send} over HTTP: success is HTTP 200 with {@code "code":200}, and {@code data} is
 * the message's shortCode. The bodies are built once and taken in turn.
 */
final class HttpSendTarget implements LoadGenerator.Target {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\"code\":(\\d+)");

    private final String host;
    private final int port;
    private final List<byte[]> requests;

    HttpSendTarget(String baseUrl, String path, List<String> jsonBodies) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.requests = jsonBodies.stream()
                .map(body -> HttpConnection.request(
                        "POST", host, port, path, "application/json", body.getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    /** A send body like a pushplus client's, for the webhook channel and one of the account's webhooks. */
    static String sendBody(String token, String webhookCode, String content) {
        return "{\"token\":\"" + token + "\",\"title\":\"Herald benchmark\",\"content\":\"" + content
                + "\",\"template\":\"txt\",\"channel\":\"webhook\",\"webhook\":\"" + webhookCode + "\"}";
    }

    @Override
    public LoadGenerator.Worker newWorker() {
        return new ConnectionWorker(new HttpConnection(host, port, 30_000));
    }

    @Override
    public LoadGenerator.Outcome call(LoadGenerator.Worker worker, long index) throws Exception {
        HttpConnection connection = ((ConnectionWorker) worker).connection;
        HttpConnection.Response response = connection.exchange(requests.get((int) (index % requests.size())));
        return judge(response);
    }

    static LoadGenerator.Outcome judge(HttpConnection.Response response) {
        if (response.status() != 200) {
            return LoadGenerator.Outcome.failed("HTTP " + response.status());
        }
        String body = response.body();
        if (!body.contains("\"code\":200")) {
            java.util.regex.Matcher code = CODE.matcher(body);
            return LoadGenerator.Outcome.failed(code.find() ? "code " + code.group(1) : "unexpected body");
        }
        return LoadGenerator.Outcome.ok(dataOf(body));
    }

    /** The string in {@code "data":"…"}, or null. */
    static String dataOf(String body) {
        int at = body.indexOf("\"data\":\"");
        if (at < 0) {
            return null;
        }
        int from = at + 8;
        int to = body.indexOf('"', from);
        return to < 0 ? null : body.substring(from, to);
    }

    private record ConnectionWorker(HttpConnection connection) implements LoadGenerator.Worker {
        @Override
        public void close() {
            connection.close();
        }
    }
}
