package org.herald.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A real Redis server (the binary packaged by embedded-redis) on loopback, without persistence. */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** @param port the port, 0 for any free one */
    public static EmbeddedRedisServer start(int port) {
        int chosen = port > 0 ? port : freePort();
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(chosen)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return new EmbeddedRedisServer(server, chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + chosen, e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
