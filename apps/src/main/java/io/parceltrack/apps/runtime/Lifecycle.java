package io.parceltrack.apps.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts components in the order they were added and stops them in reverse, so that nothing is
 * stopped while something that uses it still runs: servers stop taking work first, pools close
 * last. A failed start stops what had already started. {@link #stopOnShutdown()} ties the stop to
 * SIGTERM/SIGINT.
 */
public final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final String app;
    private final List<Component> components = new ArrayList<>();
    private final List<Component> started = new ArrayList<>();
    private final List<Supplier<String>> announcements = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    public Lifecycle(String app) {
        this.app = app;
    }

    public <T extends Component> T add(T component) {
        components.add(component);
        return component;
    }

    public Component add(String name, AutoCloseable resource) {
        return add(Component.closing(name, resource));
    }

    /** A line telling where something listens, printed once everything has started. */
    public void announce(Supplier<String> line) {
        announcements.add(line);
    }

    /** The announcements, evaluated now (after start they know their real ports). */
    public List<String> announcements() {
        return announcements.stream().map(Supplier::get).toList();
    }

    public synchronized void start() throws Exception {
        for (Component component : components) {
            try {
                component.start();
                started.add(component);
            } catch (Exception e) {
                LOG.error("{}: {} failed to start; stopping what had started", app, component.name(), e);
                stop();
                throw e;
            }
        }
        LOG.info("{} started", app);
    }

    /** Stops every started component, newest first; a failing stop does not keep the others running. */
    public synchronized void stop() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Component component = started.get(i);
            try {
                component.stop();
            } catch (Exception e) {
                LOG.warn("{}: {} did not stop cleanly", app, component.name(), e);
            }
        }
        started.clear();
        stopped.countDown();
    }

    public Lifecycle stopOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("{} stopping", app);
            stop();
            LOG.info("{} stopped", app);
        }, app + "-shutdown"));
        return this;
    }

    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
