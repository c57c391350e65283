package org.herald.ingest.send;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
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
 * serves them, and {@code /batchSend} at the same addresses. The request is read here by hand: query
 * and body are two sources with a precedence of their own, the URL's template can make the whole body
 * the content, and a body of any content type must get a pushplus answer, not Spring's.
 */
@RestController
class SendController {

    private final SendService sends;
    private final BatchSender batches;
    private final SendRequestReader reader;
    private final int maxBodyBytes;

    SendController(SendService sends, BatchSender batches, SendRequestReader reader, IngestProperties properties) {
        this.sends = sends;
        this.batches = batches;
        this.reader = reader;
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

    @RequestMapping(
            path = {"/batchSend", "/batchSend/"},
            method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE})
    Envelope batchSend(HttpServletRequest request) throws IOException {
        return Envelope.executed(batches.send(read(request, null)));
    }

    @RequestMapping(
            path = "/batchSend/{token}",
            method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE})
    Envelope batchSendWithPathToken(@PathVariable String token, HttpServletRequest request) throws IOException {
        return Envelope.executed(batches.send(read(request, token)));
    }

    private Envelope handle(HttpServletRequest request, String pathToken) throws IOException {
        return Envelope.requestSucceeded(sends.send(read(request, pathToken)));
    }

    private SendParameters read(HttpServletRequest request, String pathToken) throws IOException {
        return reader.read(
                request.getQueryString(), request.getHeader(HttpHeaders.CONTENT_TYPE), body(request), pathToken);
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
