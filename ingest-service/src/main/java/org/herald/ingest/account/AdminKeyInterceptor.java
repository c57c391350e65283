package org.herald.ingest.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.herald.ingest.api.PushplusException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/** Lets admin requests through only with the configured {@code X-Admin-Key}. */
class AdminKeyInterceptor implements HandlerInterceptor {

    static final String HEADER = "X-Admin-Key";

    private final String adminKey;

    AdminKeyInterceptor(String adminKey) {
        this.adminKey = adminKey == null || adminKey.isBlank() ? null : adminKey;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // With no key configured nobody is admin: an empty header must not match an empty key.
        if (adminKey == null || !Credentials.same(adminKey, request.getHeader(HEADER))) {
            throw new PushplusException(PushplusException.UNAUTHORIZED, "管理密钥无效", HttpStatus.UNAUTHORIZED);
        }
        return true;
    }
}
