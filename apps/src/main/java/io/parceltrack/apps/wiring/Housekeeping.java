package io.parceltrack.apps.wiring;

import io.parceltrack.apps.runtime.Component;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets bookkeeping nobody needs any more (ids of processed messages, old idempotency keys), once
 * an hour, so that those tables stay small.
 */
public final class Housekeeping implements Component {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration EVERY = Duration.ofHours(1);

    private record Chore(String name, Duration keep, ToIntFunction<Instant> forgetBefore) {}

    private final Clock clock;
    private final List<Chore> chores = new ArrayList<>();
    private ScheduledExecutorService scheduler;

    public Housekeeping(Clock clock) {
        this.clock = clock;
    }

    /** Every hour, calls {@code forgetBefore(now - keep)}. */
    public Housekeeping every(String name, Duration keep, ToIntFunction<Instant> forgetBefore) {
        chores.add(new Chore(name, keep, forgetBefore));
        return this;
    }

    @Override
    public String name() {
        return "housekeeping";
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runChores, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    void runChores() {
        for (Chore chore : chores) {
            try {
                int forgotten = chore.forgetBefore().applyAsInt(clock.instant().minus(chore.keep()));
                LOG.info("housekeeping: forgot {} {}", forgotten, chore.name());
            } catch (RuntimeException e) {
                LOG.warn("housekeeping: {} failed, will try again", chore.name(), e);
            }
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
