package io.parceltrack.bench.fleet;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection that sends ready-made request bytes and reads the answer's
 * status, skipping its body (by Content-Length or chunks). It does nothing else, which is what makes
 * the load generator cheap: the harness proves it by serving {@code /health/live} much faster than
 * the API. Not thread-safe: one connection per load thread.
 */
final class HttpConnection implements AutoCloseable {
    private final InetSocketAddress server;
    private final int readTimeoutMillis;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private String retryAfter;

    HttpConnection(InetSocketAddress server) {
        this(server, 30_000);
    }

    /** A connection whose reads give up after {@code readTimeoutMillis} (a client timeout). */
    HttpConnection(InetSocketAddress server, int readTimeoutMillis) {
        this.server = server;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** Sends {@code request} and returns the answer's status code; reconnects once if the server had closed the connection. */
    int exchange(byte[] request) throws IOException {
        return exchange(request, true);
    }

    /**
     * As {@link #exchange(byte[])}, but an answer that does not come within the read timeout is thrown
     * as {@link SocketTimeoutException} (the connection closed), never sent again: the server may
     * still be working on it.
     */
    int exchangeOrTimeOut(byte[] request) throws IOException {
        return exchange(request, false);
    }

    /** The last answer's {@code Retry-After} header, or null when it had none. */
    String retryAfter() {
        return retryAfter;
    }

    private int exchange(byte[] request, boolean resendAfterTimeout) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException closedMeanwhile) {
            close();
            if (closedMeanwhile instanceof SocketTimeoutException && !resendAfterTimeout) {
                throw closedMeanwhile;
            }
            connect();
            out.write(request);
            out.flush();
            return readResponse();
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(server, 5_000);
        socket.setSoTimeout(readTimeoutMillis);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    private int readResponse() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = 0;
        boolean chunked = false;
        boolean close = false;
        retryAfter = null;
        String line;
        while (!(line = readLine()).isEmpty()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                case "retry-after" -> retryAfter = value;
                default -> { }
            }
        }
        if (chunked) {
            long chunk;
            while ((chunk = Long.parseLong(readLine().split(";")[0].trim(), 16)) > 0) {
                skip(chunk + 2);
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else {
            skip(length);
        }
        if (close) {
            close();
        }
        return status;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed inside a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do about a connection we drop anyway
            }
            socket = null;
        }
    }

    /** A complete HTTP/1.1 request with a JSON body (or none), ready to send as is. */
    static byte[] request(String method, InetSocketAddress server, String path, String authorization, String json) {
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(server.getHostString()).append(':').append(server.getPort()).append("\r\n");
        if (authorization != null) {
            head.append("Authorization: Bearer ").append(authorization).append("\r\n");
        }
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        if (json != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
