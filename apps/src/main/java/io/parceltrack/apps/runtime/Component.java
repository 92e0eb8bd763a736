package io.parceltrack.apps.runtime;

/** Something an app starts and, on the way out, stops: a server, a consumer, a pool. */
public interface Component {
    /** A short name for logs. */
    String name();

    void start() throws Exception;

    /** Stops taking new work, finishes what is in flight, releases resources. */
    void stop() throws Exception;

    /** An action that may fail, for {@link #of}. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /** A component made of two actions. */
    static Component of(String name, Step start, Step stop) {
        return new Component() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() throws Exception {
                start.run();
            }

            @Override
            public void stop() throws Exception {
                stop.run();
            }
        };
    }

    /** A component whose only job is to be closed at shutdown (a pool, a channel). */
    static Component closing(String name, AutoCloseable resource) {
        return of(name, () -> {}, resource::close);
    }
}
