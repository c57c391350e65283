package org.herald.sandbox.notify;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Building a fake's answer: a status and a body of the provider's own type. */
public final class Answers {

    private Answers() {}

    public static ResponseEntity<String> json(int status, String json) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json);
    }

    public static ResponseEntity<String> text(int status, String text) {
        return ResponseEntity.status(status)
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(text);
    }

    /** A JSON string literal, quotes included. */
    public static String quote(String value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
    }
}
