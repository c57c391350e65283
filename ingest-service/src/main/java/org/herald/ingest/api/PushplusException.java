package org.herald.ingest.api;

import org.springframework.http.HttpStatus;

/**
 * A request Herald refuses, with the pushplus code and message the caller sees. pushplus answers
 * refusals with HTTP 200 and the code in the body; only a few Herald-own endpoints use another
 * HTTP status (the admin API's 401).
 */
public class PushplusException extends RuntimeException {

    public static final int INVALID_TOKEN = 903;
    public static final int VALIDATION = 999;
    public static final int UNAUTHORIZED = 401;
    public static final int BUSY = 500;
    /** pushplus' "account restricted": too many requests, a quota or a repetition limit reached. */
    public static final int RESTRICTED = 900;

    private final int code;
    private final HttpStatus httpStatus;

    public PushplusException(int code, String msg) {
        this(code, msg, HttpStatus.OK);
    }

    public PushplusException(int code, String msg, HttpStatus httpStatus) {
        super(msg, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public static PushplusException invalid(String msg) {
        return new PushplusException(VALIDATION, msg);
    }

    public static PushplusException busy() {
        return new PushplusException(BUSY, "系统繁忙，请稍后重试");
    }

    public int code() {
        return code;
    }

    public HttpStatus httpStatus() {
        return httpStatus;
    }

    public Envelope envelope() {
        return Envelope.error(code, getMessage());
    }
}
