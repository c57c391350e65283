package org.herald.outbound;

import java.net.Proxy;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * Builds the OkHttp client for user-supplied URLs: guarded name resolution, a guarded socket, the
 * URL guard on every request, no redirects, no proxy, short timeouts, capped response bodies and a
 * pool of reused connections.
 */
public final class OutboundHttpClientFactory {

    private final OutboundHttpProperties properties;
    private final Dns resolver;

    public OutboundHttpClientFactory(OutboundHttpProperties properties) {
        this(properties, Dns.SYSTEM);
    }

    /** With another resolver underneath the guard, e.g. a fake one in tests. */
    public OutboundHttpClientFactory(OutboundHttpProperties properties, Dns resolver) {
        this.properties = properties;
        this.resolver = resolver;
    }

    public AddressPolicy policy() {
        return AddressPolicy.of(properties.allowPrivateNetworks());
    }

    public OkHttpClient create() {
        AddressPolicy policy = policy();
        return new OkHttpClient.Builder()
                .dns(new GuardedDns(policy, resolver))
                .socketFactory(new GuardedSocketFactory(policy))
                // An egress proxy would resolve the name itself and bypass the guard (§10.6 step 7).
                .proxy(Proxy.NO_PROXY)
                // A redirect could lead anywhere after the check; a 3xx is an answer like any other.
                .followRedirects(false)
                .followSslRedirects(false)
                // OkHttp would otherwise re-send a POST on its own after a 408 or a dropped
                // connection; callers retry explicitly, with backoff and a status event each time.
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(properties.maxIdleConnections(), 5, TimeUnit.MINUTES))
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.readTimeout())
                .callTimeout(properties.callTimeout())
                .addInterceptor(new UrlGuardInterceptor(new UrlGuard(policy)))
                .addInterceptor(new ResponseCapInterceptor(properties.maxResponseBytes()))
                .build();
    }
}
