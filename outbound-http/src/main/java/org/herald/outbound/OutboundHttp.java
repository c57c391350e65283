package org.herald.outbound;

import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends requests to user-supplied URLs through the guarded client. A URL or address the policy
 * refuses ends in a {@link RefusedUrlException} before any byte is sent; any other
 * {@link IOException} is a network failure (timeout, refused connection, reset) and may be retried.
 */
public final class OutboundHttp implements AutoCloseable {

    private final OkHttpClient client;
    private final UrlGuard guard;

    public OutboundHttp(OutboundHttpClientFactory factory) {
        this(factory.create(), new UrlGuard(factory.policy()));
    }

    OutboundHttp(OkHttpClient client, UrlGuard guard) {
        this.client = client;
        this.guard = guard;
    }

    public UrlGuard guard() {
        return guard;
    }

    /**
     * POSTs {@code body} to {@code url}.
     *
     * @param headers request headers; Content-Type comes from {@code contentType}
     * @throws RefusedUrlException the URL, or an address its host resolves to, is refused
     * @throws IOException the request failed on the network
     */
    public OutboundResponse post(String url, Map<String, String> headers, byte[] body, String contentType)
            throws IOException {
        return send("POST", url, headers, body, contentType);
    }

    /**
     * Sends a request with any method. A GET or HEAD carries no body ({@code body} and
     * {@code contentType} are ignored); other methods send {@code body}, empty when null.
     *
     * @throws RefusedUrlException the URL, or an address its host resolves to, is refused
     * @throws IOException the request failed on the network
     */
    public OutboundResponse send(
            String method, String url, Map<String, String> headers, byte[] body, String contentType)
            throws IOException {
        HttpUrl checked = guard.check(url);
        boolean bodiless = "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
        RequestBody requestBody = bodiless
                ? null
                : RequestBody.create(
                        body == null ? new byte[0] : body, contentType == null ? null : MediaType.get(contentType));
        Request.Builder request =
                new Request.Builder().url(checked).method(method.toUpperCase(java.util.Locale.ROOT), requestBody);
        headers.forEach(request::header);
        try (Response response = client.newCall(request.build()).execute()) {
            return new OutboundResponse(
                    response.code(), response.headers(), response.body().bytes());
        } catch (IOException e) {
            RefusedAddressException refused = refusedAddress(e);
            if (refused != null) {
                throw new RefusedUrlException(UrlGuard.redact(checked), refused.reason());
            }
            throw e;
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private static RefusedAddressException refusedAddress(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAddressException refused) {
                return refused;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (suppressed instanceof RefusedAddressException refused) {
                    return refused;
                }
            }
        }
        return null;
    }
}
