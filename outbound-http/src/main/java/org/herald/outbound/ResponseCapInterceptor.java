package org.herald.outbound;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Lets a caller read at most {@code maxBytes} of any response body: a user's server decides how much
 * it sends, Herald decides how much it reads. It sits among the application interceptors, after
 * OkHttp has decompressed the body, so a small gzip bomb cannot expand past the cap either.
 */
final class ResponseCapInterceptor implements Interceptor {

    private final long maxBytes;

    ResponseCapInterceptor(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        long length = body.contentLength();
        long cappedLength = length < 0 ? -1 : Math.min(length, maxBytes);
        ResponseBody capped = ResponseBody.create(
                Okio.buffer(new CappedSource(body.source(), maxBytes)), body.contentType(), cappedLength);
        return response.newBuilder().body(capped).build();
    }

    private static final class CappedSource extends ForwardingSource {

        private long remaining;

        CappedSource(Source delegate, long maxBytes) {
            super(delegate);
            this.remaining = maxBytes;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            long read = super.read(sink, Math.min(byteCount, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }
    }
}
