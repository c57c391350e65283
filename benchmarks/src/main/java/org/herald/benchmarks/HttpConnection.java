package org.herald.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection driven by one thread, no pipelining. A load generator needs
 * little from HTTP and must spend as little CPU as it can on a machine it shares with the server:
 * this costs a write and a read per request, where a general client costs several times that.
 */
final class HttpConnection implements AutoCloseable {

    /** A status and a body; a connection error is an {@link IOException} instead. */
    record Response(int status, String body) {}

    private final String host;
    private final int port;
    private final int readTimeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(String host, int port, int readTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** Builds a complete request once, so the hot path only writes bytes. */
    static byte[] request(String method, String host, int port, String path, String contentType, byte[] body) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: "
                + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    Response exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket fresh = new Socket();
        fresh.setTcpNoDelay(true);
        fresh.setSoTimeout(readTimeoutMillis);
        fresh.connect(new InetSocketAddress(host, port), 2000);
        socket = fresh;
        in = new BufferedInputStream(fresh.getInputStream(), 16 * 1024);
        out = fresh.getOutputStream();
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("connection closed by the server");
        }
        int firstSpace = statusLine.indexOf(' ');
        int status = Integer.parseInt(statusLine.substring(firstSpace + 1, firstSpace + 4));
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closeAfter = true;
            }
        }
        String body;
        if (chunked) {
            body = readChunked();
        } else if (contentLength >= 0) {
            body = new String(in.readNBytes((int) contentLength), StandardCharsets.UTF_8);
        } else {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(status, body);
    }

    private String readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new IOException("connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
                    // trailers carry nothing a benchmark needs
                }
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
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
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken connection: nothing left to do
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
