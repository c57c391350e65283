package org.herald.sandbox.inbox;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.StreamUtils;

/**
 * A request as it reached a fake: read straight from the servlet request, so the body is the exact
 * bytes sent (Spring's message conversion re-encodes form posts).
 */
public record Incoming(String method, String path, Map<String, List<String>> headers, byte[] body) {

    public static Incoming of(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, List.copyOf(new ArrayList<>(Collections.list(request.getHeaders(name)))));
        }
        String path =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        try {
            return new Incoming(
                    request.getMethod(), path, headers, StreamUtils.copyToByteArray(request.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }
}
