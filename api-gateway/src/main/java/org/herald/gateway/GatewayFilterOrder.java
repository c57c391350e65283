package org.herald.gateway;

import org.springframework.core.Ordered;

/**
 * The order of the gateway's web filters. The request id and the security headers come first so that
 * every answer carries them, refusals by the later filters included.
 */
public final class GatewayFilterOrder {

    public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;
    public static final int CLIENT_IP = Ordered.HIGHEST_PRECEDENCE + 5;
    public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 10;
    public static final int CORS = Ordered.HIGHEST_PRECEDENCE + 20;
    public static final int BODY_SIZE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 30;

    private GatewayFilterOrder() {}
}
