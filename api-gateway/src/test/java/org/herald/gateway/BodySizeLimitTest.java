package org.herald.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BodySizeLimitTest extends IngestBackedGatewayTest {

    private static final int LIMIT = 1048576;
    private static final String TOO_LARGE = "{\"code\":999,\"msg\":\"请求体过大，最大1048576字节\",\"data\":null}";

    @Test
    void shouldForwardABodyOfExactlyTheLimit() throws Exception {
        byte[] body = filled(LIMIT);

        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ingest.next().body()).isEqualTo(body);
    }

    @Test
    void shouldForwardASmallStreamedBodyByteForByte() throws Exception {
        byte[] body = "{\"token\":\"t\",\"content\":\"分块\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> response = post(streamed(body));

        RecordingBackend.Received received = ingest.next();
        assertThat(received.body()).isEqualTo(body);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseALargerBodyWithContentLengthBeforeItReachesTheBackend() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofByteArray(filled(LIMIT + 1)));

        assertRefused(response);
    }

    @Test
    void shouldRefuseALargerStreamedBodyBeforeItReachesTheBackend() throws Exception {
        HttpResponse<String> response = post(streamed(filled(2 * LIMIT)));

        assertRefused(response);
    }

    private void assertRefused(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(response.body()).isEqualTo(TOO_LARGE);
        // The backend takes requests in order: if the refused one had reached it, it would come first.
        post(HttpRequest.BodyPublishers.ofString("{\"after\":1}"));
        assertThat(ingest.next().bodyText()).isEqualTo("{\"after\":1}");
    }

    private static byte[] filled(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        return body;
    }

    // No length known in advance: the client sends the body chunked.
    private static HttpRequest.BodyPublisher streamed(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/send"))
                        .header("Content-Type", "application/json")
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
