package org.herald.callback.api;

import org.springframework.http.HttpStatus;

/** A refusal the API answers as a pushplus envelope with a specific message. */
class ApiException extends RuntimeException {

    private final int code;
    private final HttpStatus status;

    ApiException(int code, String msg, HttpStatus status) {
        super(msg, null, false, false);
        this.code = code;
        this.status = status;
    }

    static ApiException invalid(String msg) {
        return new ApiException(400, msg, HttpStatus.OK);
    }

    int code() {
        return code;
    }

    HttpStatus status() {
        return status;
    }
}
