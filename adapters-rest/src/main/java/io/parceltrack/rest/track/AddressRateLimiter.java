package io.parceltrack.rest.track;

import io.parceltrack.rest.RateLimitSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request budget per client address: a token bucket that refills at the configured rate up to
 * the burst size. Memory is bounded: at most {@code maxAddresses} buckets are kept, and the one
 * seen least recently is forgotten first (it has most likely refilled anyway).
 */
public final class AddressRateLimiter {
    private final double tokensPerSecond;
    private final double capacity;
    private final Clock clock;
    private final Map<String, Budget> budgets;

    public AddressRateLimiter(RateLimitSettings settings, int maxAddresses, Clock clock) {
        this.tokensPerSecond = settings.requestsPerSecond();
        this.capacity = settings.burst();
        this.clock = clock;
        this.budgets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Budget> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Spends one request of {@code address}'s budget; empty if allowed, else how long until it would be. */
    public synchronized Optional<Duration> spend(String address) {
        Instant now = clock.instant();
        Budget budget = budgets.get(address);
        double tokens = budget == null ? capacity : refilled(budget, now);
        if (tokens >= 1) {
            budgets.put(address, new Budget(tokens - 1, now));
            return Optional.empty();
        }
        budgets.put(address, new Budget(tokens, now));
        return Optional.of(Duration.ofMillis((long) Math.ceil((1 - tokens) / tokensPerSecond * 1000)));
    }

    /** Gives back one request spent by {@link #spend} (it turned out not to count), up to the burst size. */
    public synchronized void refund(String address) {
        Budget budget = budgets.get(address);
        if (budget != null) {
            Instant now = clock.instant();
            budgets.put(address, new Budget(Math.min(capacity, refilled(budget, now) + 1), now));
        }
    }

    /** How many addresses are remembered now. */
    public synchronized int trackedAddresses() {
        return budgets.size();
    }

    private double refilled(Budget budget, Instant now) {
        double seconds = Math.max(0, Duration.between(budget.updatedAt(), now).toNanos() / 1e9);
        return Math.min(capacity, budget.tokens() + seconds * tokensPerSecond);
    }

    private record Budget(double tokens, Instant updatedAt) {}
}
