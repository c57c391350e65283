package org.herald.callback.api;

/** The pushplus answer: {@code {"code":…,"msg":…,"data":…}}; data is written even when null. */
record Envelope(int code, String msg, Object data) {

    static Envelope executed(Object data) {
        return new Envelope(200, "执行成功", data);
    }

    static Envelope error(int code, String msg) {
        return new Envelope(code, msg, null);
    }
}
