package org.herald.ingest.api;

/** The pushplus answer: {@code {"code":…,"msg":…,"data":…}}; data is written even when null. */
public record Envelope(int code, String msg, Object data) {

    /** The success message /send uses. */
    public static Envelope requestSucceeded(Object data) {
        return new Envelope(200, "请求成功", data);
    }

    /** The success message the open and admin APIs use. */
    public static Envelope executed(Object data) {
        return new Envelope(200, "执行成功", data);
    }

    public static Envelope error(int code, String msg) {
        return new Envelope(code, msg, null);
    }
}
