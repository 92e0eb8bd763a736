package io.parceltrack.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Events were recorded": told by {@link PostgresCheckpointRecorder} after each commit, and passed
 * on to whoever waits for the outbox in this process at once, and to the other processes on the
 * same database through PostgreSQL {@code LISTEN/NOTIFY} when they are needed.
 *
 * <p>They are needed only when this process cannot drain its own events: it has no relay
 * listening here, or its drain found the drain lock held by another process whose drain may have
 * read the outbox before these events committed. Otherwise this process's relay publishes what it
 * recorded and nobody else needs waking; a NOTIFY per burst of commits, which the database passes
 * to every listening process, would cost them all CPU for nothing (with one instance, up to a
 * hundred NOTIFYs a second that only this process received, and ignored).
 *
 * <p>The NOTIFY is sent on its own, never inside the checkpoint's transaction: PostgreSQL makes
 * notifying transactions commit one at a time, which would undo the group commit that lets
 * concurrent checkpoints share a WAL flush. Bursts are coalesced into one NOTIFY every few
 * milliseconds, and each process ignores its own. A lost NOTIFY (the database restarting, say)
 * only delays events until the relay's next poll.
 */
final class OutboxSignal implements AutoCloseable {
    static final String CHANNEL = "parceltrack_outbox";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSignal.class);
    /**
     * Coalesces a burst into one NOTIFY: at most 100 a second however many checkpoints commit or
     * drains stand aside. Only another process's relay waits for it (this process's is woken
     * directly), and that one only when it was draining while these events committed, so 10 ms is
     * all it adds.
     */
    private static final long NOTIFY_DELAY_MILLIS = 10;
    private static final int LISTEN_WAIT_MILLIS = 1000;
    private static final long RECONNECT_PAUSE_MILLIS = 1000;

    private final TranslatedJdbi db;
    private final PostgresSettings settings;
    private final String self = UUID.randomUUID().toString();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean notifyPending = new AtomicBoolean();
    /** Events were committed here since a drain here last took the lock (so it may not have seen them). */
    private final AtomicBoolean recordedSinceDrainStarted = new AtomicBoolean();
    private final ScheduledExecutorService notifier = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "outbox-notify");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean open = true;
    private Thread listening;

    OutboxSignal(TranslatedJdbi db, PostgresSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    /** After a commit that recorded events: wakes this process's relay, or the others' if there is none here. */
    void recorded() {
        recordedSinceDrainStarted.set(true);
        if (listeners.isEmpty()) {
            notifyOthers();
        } else {
            listeners.forEach(Runnable::run);
        }
    }

    /**
     * A drain here holds the drain lock and is about to read the outbox: it will see every event
     * committed so far, this process's included.
     */
    void drainStarted() {
        recordedSinceDrainStarted.set(false);
    }

    /**
     * A drain here found the drain lock held by another process, whose drain may have read the
     * outbox before this process's latest events committed: that process is told to drain again,
     * if there are such events.
     */
    void drainStoodAside() {
        if (recordedSinceDrainStarted.get()) {
            notifyOthers();
        }
    }

    /** Coalesced with other calls within {@value #NOTIFY_DELAY_MILLIS} ms. */
    private void notifyOthers() {
        if (open && notifyPending.compareAndSet(false, true)) {
            notifier.schedule(this::sendNotify, NOTIFY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Calls {@code listener} whenever events were recorded here or in another process; starts listening. */
    synchronized void subscribe(Runnable listener) {
        listeners.add(listener);
        if (listening == null && open) {
            listening = new Thread(this::listen, "outbox-listen");
            listening.setDaemon(true);
            listening.start();
        }
    }

    private void sendNotify() {
        notifyPending.set(false);
        try {
            // A notification need not survive a crash, so it need not wait for a WAL flush either.
            db.withHandle(handle -> handle.createQuery(
                            "SELECT set_config('synchronous_commit', 'off', true), pg_notify(:channel, :self)")
                    .bind("channel", CHANNEL).bind("self", self).mapToMap().list());
        } catch (RuntimeException e) {
            LOG.debug("could not notify other processes of new outbox events: {}", e.toString());
        }
    }

    private void listen() {
        while (open) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (open) {
                    PGNotification[] received = notifications.getNotifications(LISTEN_WAIT_MILLIS);
                    if (received != null && fromOthers(received)) {
                        listeners.forEach(Runnable::run);
                    }
                }
            } catch (SQLException e) {
                if (open) {
                    LOG.debug("listening for outbox events failed, again in {} ms: {}", RECONNECT_PAUSE_MILLIS, e.toString());
                    pause();
                }
            }
        }
    }

    private boolean fromOthers(PGNotification[] received) {
        for (PGNotification notification : received) {
            if (!self.equals(notification.getParameter())) {
                return true;
            }
        }
        return false;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        if (settings.password() != null && !settings.password().isEmpty()) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", settings.applicationName() + "-outbox-listen");
        properties.setProperty("logServerErrorDetail", "false");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, settings.connectionTimeout().toSeconds())));
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }

    @Override
    public synchronized void close() {
        open = false;
        notifier.shutdownNow();
        if (listening != null) {
            listening.interrupt();
        }
    }
}
