package org.herald.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ceiling for any HTTP service on this machine: reads a request, answers a pushplus-like JSON
 * at once, no framework, one thread per keep-alive connection. Herald's figures are read against it.
 * With an {@link Acceptance} it first does that work, as a service that answers only once the
 * request is durable would.
 */
final class BareHttpServer implements AutoCloseable {

    /** What the server does with a request before it answers. */
    @FunctionalInterface
    interface Acceptance {
        void accept() throws Exception;
    }

    private final ServerSocket server;
    private final Acceptance acceptance;

    BareHttpServer() {
        this(() -> {});
    }

    BareHttpServer(Acceptance acceptance) {
        this.acceptance = acceptance;
        try {
            server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("could not open the bare HTTP server", e);
        }
        Thread acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket socket = server.accept();
                            Thread connection = new Thread(() -> serve(socket), "bare-http");
                            connection.setDaemon(true);
                            connection.start();
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "bare-http-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://localhost:" + server.getLocalPort();
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = socket.getOutputStream();
            while (true) {
                int contentLength = 0;
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                while ((line = readLine(in)) != null && !line.isEmpty()) {
                    if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        contentLength = Integer.parseInt(line.substring(15).trim());
                    }
                }
                in.readNBytes(contentLength);
                String answer;
                try {
                    acceptance.accept();
                    String shortCode = UUID.randomUUID().toString().replace("-", "");
                    answer = "{\"code\":200,\"msg\":\"请求成功\",\"data\":\"" + shortCode + "\"}";
                } catch (Exception e) {
                    answer = "{\"code\":500,\"msg\":\"not accepted\",\"data\":null}";
                }
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
    }
}
