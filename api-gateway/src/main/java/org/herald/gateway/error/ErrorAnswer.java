package org.herald.gateway.error;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.herald.gateway.limit.BodyTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * What the gateway answers when it has no backend answer to relay: the request matched no route, or
 * the backend could not be reached. Backend answers themselves, errors included, are relayed as they
 * are.
 */
public record ErrorAnswer(HttpStatusCode status, Envelope body) {

    static final String BUSY = "服务繁忙，请稍后重试";

    public static ErrorAnswer of(String method, String path, Throwable error) {
        if (error instanceof BodyTooLargeException tooLarge) {
            return new ErrorAnswer(
                    HttpStatus.PAYLOAD_TOO_LARGE, Envelope.of(999, "请求体过大，最大" + tooLarge.maxBytes() + "字节"));
        }
        if (backendUnreachable(error)) {
            return new ErrorAnswer(HttpStatus.SERVICE_UNAVAILABLE, Envelope.of(500, BUSY));
        }
        if (causedBy(error, PrematureCloseException.class)) {
            return new ErrorAnswer(HttpStatus.BAD_GATEWAY, Envelope.of(500, BUSY));
        }
        if (error instanceof ResponseStatusException refused) {
            HttpStatusCode status = refused.getStatusCode();
            return switch (status.value()) {
                case 404 -> new ErrorAnswer(status, Envelope.of(404, "接口不存在: " + path));
                case 405 -> new ErrorAnswer(status, Envelope.of(405, "请求方法不支持: " + method + " " + path));
                case 413 -> new ErrorAnswer(status, Envelope.of(999, "请求体过大"));
                default ->
                    status.is5xxServerError()
                            ? new ErrorAnswer(status, Envelope.of(500, BUSY))
                            : new ErrorAnswer(status, Envelope.of(status.value(), "请求无效"));
            };
        }
        return new ErrorAnswer(HttpStatus.INTERNAL_SERVER_ERROR, Envelope.of(500, BUSY));
    }

    /**
     * The answer of a circuit breaker fallback: the call failed, timed out, or was not even tried
     * because the breaker is open. A timeout keeps its own status so that a caller can tell that the
     * backend may have done the work.
     */
    public static ErrorAnswer busy(Throwable cause) {
        HttpStatus status = timedOut(cause) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        return new ErrorAnswer(status, Envelope.of(500, BUSY));
    }

    static boolean timedOut(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || (cause instanceof ResponseStatusException refused
                            && refused.getStatusCode().value() == 504)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    /** Nothing reached the backend, so the caller may safely send the request again. */
    static boolean backendUnreachable(Throwable error) {
        return causedBy(error, ConnectException.class)
                || causedBy(error, UnknownHostException.class)
                || causedBy(error, NoRouteToHostException.class);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
