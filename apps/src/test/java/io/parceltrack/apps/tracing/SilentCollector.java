package io.parceltrack.apps.tracing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A collector that is there and never answers: it accepts every connection on a loopback port and
 * holds it open without reading, the way a hung collector (or a black-holing firewall) looks to an
 * exporter. Closing it closes the port and every connection it held.
 */
public final class SilentCollector implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    public SilentCollector() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptUntilClosed, "silent-collector");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The base address an OTLP/HTTP exporter is given. */
    public String endpoint() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Connections taken so far (an exporter that tried the collector made at least one). */
    public int connectionsTaken() {
        return held.size();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    private void acceptUntilClosed() {
        while (!listener.isClosed()) {
            try {
                held.add(listener.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }
}
