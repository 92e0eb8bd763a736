package io.parceltrack.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes a well-behaved HTTP client would refuse to send (broken URIs, oversized headers, bad
 * request lines) over a plain socket, and reads the answer. One request per connection.
 */
final class RawHttp {
    private RawHttp() {}

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static Answer send(int port, String requestHead, byte[] body) {
        return send(null, port, requestHead, body);
    }

    /** As {@link #send(int, String, byte[])}, from the local address {@code from} (null: any). */
    static Answer send(java.net.InetAddress from, int port, String requestHead, byte[] body) {
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads until the server closes or the declared body is complete. */
    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException | java.net.SocketException e) {
                break;
            }
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
            Answer answer = parse(received.toString(StandardCharsets.UTF_8));
            if (answer != null) {
                return answer;
            }
        }
        Answer answer = parse(received.toString(StandardCharsets.UTF_8));
        if (answer == null) {
            throw new IOException("incomplete answer: " + received.toString(StandardCharsets.UTF_8));
        }
        return answer;
    }

    private static Answer parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return null;
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String body = text.substring(end + 4);
        String length = headers.get("content-length");
        if (length != null && body.getBytes(StandardCharsets.UTF_8).length < Integer.parseInt(length)) {
            return null;
        }
        if (length == null && "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            if (!body.endsWith("0\r\n\r\n")) {
                return null;
            }
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
