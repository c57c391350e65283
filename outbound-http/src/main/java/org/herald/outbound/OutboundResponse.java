package org.herald.outbound;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;

/**
 * What a user's server answered.
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the body, at most {@code herald.outbound.max-response-bytes} of it
 */
public record OutboundResponse(int status, Headers headers, byte[] body) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The first {@code maxBytes} of the body as text; bytes that are not UTF-8 become U+FFFD. */
    public String bodyText(int maxBytes) {
        int length = Math.min(body.length, maxBytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            String text = decoder.decode(ByteBuffer.wrap(body, 0, length)).toString();
            // A cut through a multi-byte character leaves one replacement character at the end.
            return length < body.length && text.endsWith("\uFFFD") ? text.substring(0, text.length() - 1) : text;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }
}
