package org.herald.ingest.send;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.herald.ingest.IngestProperties;
import org.herald.ingest.api.Envelope;
import org.herald.ingest.api.PushplusException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /send}, {@code /send/} and {@code /send/{token}} for GET, POST, PUT and DELETE, as pushplus
 * serves them. The request is read here by hand: query and body are two sources with a precedence
 * of their own, and a body of any content type must get a pushplus answer, not Spring's.
 */
@RestController
class SendController {

    private final SendService sends;
    private final RequestParameters parameters;
    private final int maxBodyBytes;

    SendController(SendService sends, RequestParameters parameters, IngestProperties properties) {
        this.sends = sends;
        this.parameters = parameters;
        this.maxBodyBytes = properties.maxBodyBytes();
    }

    @RequestMapping(
            path = {"/send", "/send/"},
            method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE})
    Envelope send(HttpServletRequest request) throws IOException {
        return handle(request, null);
    }

    @RequestMapping(
            path = "/send/{token}",
            method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE})
    Envelope sendWithPathToken(@PathVariable String token, HttpServletRequest request) throws IOException {
        return handle(request, token);
    }

    private Envelope handle(HttpServletRequest request, String pathToken) throws IOException {
        Map<String, String> query = parameters.fromQuery(request.getQueryString());
        Map<String, String> body = parameters.fromBody(request.getHeader(HttpHeaders.CONTENT_TYPE), body(request));
        String shortCode = sends.send(ParameterMerger.merge(body, query, pathToken));
        return Envelope.requestSucceeded(shortCode);
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        }
    }

    private PushplusException tooLarge() {
        return PushplusException.invalid("请求体过大，最多" + maxBodyBytes + "字节");
    }
}
