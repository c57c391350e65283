package org.herald.outbound;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Runs the {@link UrlGuard} on every request the client sends, whoever built it. */
final class UrlGuardInterceptor implements Interceptor {

    private final UrlGuard guard;

    UrlGuardInterceptor(UrlGuard guard) {
        this.guard = guard;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl checked = guard.check(request.url());
        if (!checked.equals(request.url())) {
            request = request.newBuilder().url(checked).build();
        }
        return chain.proceed(request);
    }
}
