package org.herald.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook target that is up but never answers: it accepts connections and holds them. This is the
 * costly kind of dead target (a refused connection fails at once; this one costs the sender its read
 * timeout), so it shows whether one bad target slows delivery to the others.
 */
final class DeadTarget implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    DeadTarget() {
        try {
            server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("could not open the dead target", e);
        }
        Thread acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            held.add(server.accept());
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "dead-target");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String name) {
        return "http://localhost:" + server.getLocalPort() + "/hook/" + name;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
