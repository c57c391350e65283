package org.herald.callback.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/** Lets API requests through only with the configured {@code X-Admin-Key} (the same key as ingest's). */
class AdminKeyInterceptor implements HandlerInterceptor {

    static final String HEADER = "X-Admin-Key";

    private final byte[] adminKey;

    AdminKeyInterceptor(String adminKey) {
        this.adminKey = adminKey == null || adminKey.isBlank() ? null : adminKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String given = request.getHeader(HEADER);
        // With no key configured nobody is admin: an empty header must not match an empty key.
        if (adminKey == null
                || given == null
                || !MessageDigest.isEqual(adminKey, given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "管理密钥无效", HttpStatus.UNAUTHORIZED);
        }
        return true;
    }
}
