package org.herald.sandbox.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.herald.sandbox.inbox.Inbox;
import org.herald.sandbox.inbox.ReceivedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The notification-service fakes side by side: each real path reaches its own fake (Bark's
 * {@code /{device_key}} catches no other fake's path), forms are read like JSON, and every request
 * shows in the inbox under its fake's name. Each fake's behaviour in depth is tested from
 * channel-webhook, through the formats that call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationFakesHttpTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Inbox inbox;

    @BeforeEach
    void clean() {
        inbox.clear();
    }

    @Test
    void shouldRouteEachRealPathToItsOwnFake() throws Exception {
        String json = "application/json";
        post("/SCT1TabcdEFGH.send", "{\"title\":\"t\",\"desp\":\"d\"}", json);
        post("/message?token=AabcdefghijklmN", "{\"message\":\"m\"}", json);
        post("/AbCdEfGhIjKlMnOpQrStUv", "{\"body\":\"b\"}", json);
        post("/push", "{\"device_key\":\"AbCdEfGhIjKlMnOpQrStUv\",\"body\":\"b\"}", json);
        post(
                "/api/send/message",
                "{\"appToken\":\"AT_abcdefghijklmnop\",\"content\":\"c\",\"uids\":[\"UID_abcdefghijklmnop\"]}",
                json);
        post("/trigger/e/with/key/abcdefghijklmnopqrstuv", "{}", json);
        post("/bot123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789/sendMessage", "{\"chat_id\":1,\"text\":\"x\"}", json);
        post("/api/webhooks/123456789012345678/" + "a".repeat(68), "{\"content\":\"x\"}", json);
        post("/services/T0HERALD/B0HERALD/abcdefghijklmnopqrstuvwx", "{\"text\":\"x\"}", json);
        post("/custom/mine", "anything", "text/plain");

        assertThat(inbox.all().stream().map(ReceivedRequest::target))
                .containsExactly(
                        "custom",
                        "slack",
                        "discord",
                        "telegram",
                        "ifttt",
                        "wxpusher",
                        "bark",
                        "bark",
                        "gotify",
                        "serverchan");
        assertThat(inbox.all())
                .allSatisfy(received -> assertThat(received.status()).isBetween(200, 204));
    }

    @Test
    void shouldReadFormPostsAsTheRealApisDo() throws Exception {
        HttpResponse<String> serverChan =
                post("/SCT1TabcdEFGH.send", "title=%E7%A3%81%E7%9B%98&desp=d", "application/x-www-form-urlencoded");
        HttpResponse<String> telegram = post(
                "/bot123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789/sendMessage?chat_id=42",
                "text=hi",
                "application/x-www-form-urlencoded");

        assertThat(serverChan.body()).startsWith("{\"code\":0,");
        assertThat(telegram.body())
                .contains("\"ok\":true", "\"chat\":{\"id\":42,\"type\":\"private\"}", "\"text\":\"hi\"");
    }

    @Test
    void shouldAnswerTheRealSuccessBodies() throws Exception {
        assertThat(post("/AbCdEfGhIjKlMnOpQrStUv", "{\"body\":\"b\"}", "application/json")
                        .body())
                .matches("\\{\"code\":200,\"message\":\"success\",\"timestamp\":\\d+}");
        assertThat(post("/trigger/disk/with/key/abcdefghijklmnopqrstuv", "{}", "application/json")
                        .body())
                .isEqualTo("Congratulations! You've fired the disk event");
        assertThat(post("/services/T0HERALD/B0HERALD/abcdefghijklmnopqrstuvwx", "{\"text\":\"x\"}", "application/json")
                        .body())
                .isEqualTo("ok");
    }

    @Test
    void shouldFireAnIftttEventByGetToo() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/trigger/disk/with/key/abcdefghijklmnopqrstuv?value1=t"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("Congratulations! You've fired the disk event");
        assertThat(inbox.all().get(0).path()).isEqualTo("/trigger/disk/with/key/abcdefghijklmnopqrstuv?value1=t");
    }

    private HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
