package io.parceltrack.memory;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.RetiredSecret;
import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookSecret;
import io.parceltrack.port.out.webhook.DeliveryAttemptLog;
import io.parceltrack.port.out.webhook.WebhookEndpointStore;
import io.parceltrack.port.out.webhook.WebhookSchedule;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Webhook endpoints, the retry schedule and the attempt log in memory, consistent with each other
 * as the database's foreign keys keep them: deleting an endpoint deletes what it was owed and its
 * log. One lock guards it all. The log keeps at most {@value #ATTEMPTS_KEPT_PER_ENDPOINT} attempts
 * per endpoint, so that memory stays bounded between housekeeping rounds.
 */
public final class InMemoryWebhookDatabase implements WebhookEndpointStore, WebhookSchedule, DeliveryAttemptLog {
    static final int ATTEMPTS_KEPT_PER_ENDPOINT = 1_000;

    /** A stored delivery; {@code dueAt} moves with claims and retries, {@code finishedAt} ends it. */
    private record Entry(ScheduledDelivery delivery, Instant dueAt, Instant finishedAt) {
        boolean pending() {
            return finishedAt == null;
        }
    }

    private record Key(WebhookEndpointId endpoint, MessageId message) {}

    private final Object lock = new Object();
    private final Map<WebhookEndpointId, WebhookEndpoint> endpoints = new LinkedHashMap<>();
    private final TreeMap<Long, Entry> deliveries = new TreeMap<>();
    private final Map<Key, Long> sequenceByKey = new HashMap<>();
    private final Map<WebhookEndpointId, Deque<DeliveryAttempt>> attempts = new HashMap<>();
    /** Endpoints whose manager was told of their disabling, with the time of the disabling told. */
    private final Map<WebhookEndpointId, Instant> toldOfDisabling = new HashMap<>();
    private long nextSequence = 1;

    // --- WebhookEndpointStore

    @Override
    public boolean insert(WebhookEndpoint endpoint, int maxPerManager) {
        synchronized (lock) {
            if (findByManager(endpoint.manager()).size() >= maxPerManager || endpoints.containsKey(endpoint.id())) {
                return false;
            }
            endpoints.put(endpoint.id(), endpoint);
            return true;
        }
    }

    @Override
    public Optional<WebhookEndpoint> find(WebhookEndpointId id) {
        synchronized (lock) {
            return Optional.ofNullable(endpoints.get(id));
        }
    }

    @Override
    public List<WebhookEndpoint> findByManager(TelegramId manager) {
        synchronized (lock) {
            // Stable sort: endpoints created at the same instant stay in the order they were stored.
            return endpoints.values().stream().filter(endpoint -> endpoint.isOwnedBy(manager))
                    .sorted(Comparator.comparing(WebhookEndpoint::createdAt)).toList();
        }
    }

    @Override
    public boolean delete(WebhookEndpointId id) {
        synchronized (lock) {
            if (endpoints.remove(id) == null) {
                return false;
            }
            deliveries.values().removeIf(entry -> entry.delivery().endpoint().equals(id));
            sequenceByKey.keySet().removeIf(key -> key.endpoint().equals(id));
            attempts.remove(id);
            toldOfDisabling.remove(id);
            return true;
        }
    }

    @Override
    public boolean updateSecrets(WebhookEndpointId id, WebhookSecret secret, List<RetiredSecret> retired) {
        synchronized (lock) {
            WebhookEndpoint current = endpoints.get(id);
            if (current == null) {
                return false;
            }
            endpoints.put(id, new WebhookEndpoint(id, current.manager(), current.url(), current.events(), secret, retired,
                    current.createdAt(), current.health()));
            return true;
        }
    }

    @Override
    public boolean updateHealth(WebhookEndpointId id, EndpointHealth health) {
        synchronized (lock) {
            WebhookEndpoint current = endpoints.get(id);
            if (current == null) {
                return false;
            }
            endpoints.put(id, current.withHealth(health));
            toldOfDisabling.remove(id);
            return true;
        }
    }

    @Override
    public List<WebhookEndpoint> findDisabledUntold(int limit) {
        synchronized (lock) {
            return endpoints.values().stream()
                    .filter(endpoint -> endpoint.health() instanceof EndpointHealth.Disabled)
                    .filter(endpoint -> !toldOfDisabling.containsKey(endpoint.id()))
                    .sorted(Comparator.comparing(endpoint -> ((EndpointHealth.Disabled) endpoint.health()).at()))
                    .limit(limit)
                    .toList();
        }
    }

    @Override
    public boolean markManagerTold(WebhookEndpointId id, Instant disabledAt, Instant toldAt) {
        synchronized (lock) {
            WebhookEndpoint current = endpoints.get(id);
            if (current == null || !(current.health() instanceof EndpointHealth.Disabled disabled)
                    || !disabled.at().equals(disabledAt)) {
                return false;
            }
            toldOfDisabling.put(id, disabledAt);
            return true;
        }
    }

    // --- WebhookSchedule

    @Override
    public int enqueue(List<ScheduledDelivery> fresh) {
        synchronized (lock) {
            int added = 0;
            for (ScheduledDelivery delivery : fresh) {
                Key key = new Key(delivery.endpoint(), delivery.message().id());
                if (!endpoints.containsKey(delivery.endpoint()) || sequenceByKey.containsKey(key)) {
                    continue;
                }
                long sequence = nextSequence++;
                ScheduledDelivery numbered = new ScheduledDelivery(sequence, delivery.endpoint(), delivery.message(), 0,
                        delivery.enqueuedAt(), delivery.trace());
                deliveries.put(sequence, new Entry(numbered, delivery.enqueuedAt(), null));
                sequenceByKey.put(key, sequence);
                added++;
            }
            return added;
        }
    }

    @Override
    public List<ScheduledDelivery> claimDue(Instant now, Instant leaseUntil, int limit, Set<WebhookEndpointId> excluded) {
        synchronized (lock) {
            // Walking in sequence order, the first pending delivery of each endpoint and key is its head.
            Set<List<Object>> seenLanes = new HashSet<>();
            List<Entry> heads = new ArrayList<>();
            for (Entry entry : deliveries.values()) {
                if (!entry.pending()) {
                    continue;
                }
                ScheduledDelivery delivery = entry.delivery();
                if (seenLanes.add(List.of(delivery.endpoint(), delivery.message().orderingKey()))
                        && !entry.dueAt().isAfter(now) && !excluded.contains(delivery.endpoint())) {
                    heads.add(entry);
                }
            }
            List<ScheduledDelivery> claimed = heads.stream()
                    .sorted(Comparator.comparing(Entry::dueAt).thenComparingLong(entry -> entry.delivery().sequence()))
                    .limit(limit)
                    .map(Entry::delivery)
                    .toList();
            claimed.forEach(delivery -> deliveries.put(delivery.sequence(), new Entry(delivery, leaseUntil, null)));
            return claimed;
        }
    }

    @Override
    public void finish(ScheduledDelivery delivery, Instant at) {
        synchronized (lock) {
            deliveries.computeIfPresent(delivery.sequence(), (sequence, entry) -> new Entry(entry.delivery(), entry.dueAt(), at));
        }
    }

    @Override
    public void retryAt(ScheduledDelivery delivery, Instant next) {
        synchronized (lock) {
            deliveries.computeIfPresent(delivery.sequence(), (sequence, entry) -> {
                ScheduledDelivery stored = entry.delivery();
                return new Entry(new ScheduledDelivery(sequence, stored.endpoint(), stored.message(),
                        stored.attempts() + 1, stored.enqueuedAt(), stored.trace()), next, null);
            });
        }
    }

    @Override
    public int finishAllOf(WebhookEndpointId endpoint, Instant at) {
        synchronized (lock) {
            int finished = 0;
            for (Map.Entry<Long, Entry> stored : deliveries.entrySet()) {
                Entry entry = stored.getValue();
                if (entry.pending() && entry.delivery().endpoint().equals(endpoint)) {
                    stored.setValue(new Entry(entry.delivery(), entry.dueAt(), at));
                    finished++;
                }
            }
            return finished;
        }
    }

    @Override
    public int forgetFinishedBefore(Instant cutoff) {
        synchronized (lock) {
            int forgotten = 0;
            for (Iterator<Entry> entries = deliveries.values().iterator(); entries.hasNext(); ) {
                Entry entry = entries.next();
                if (!entry.pending() && entry.finishedAt().isBefore(cutoff)) {
                    entries.remove();
                    sequenceByKey.remove(new Key(entry.delivery().endpoint(), entry.delivery().message().id()));
                    forgotten++;
                }
            }
            return forgotten;
        }
    }

    // --- DeliveryAttemptLog

    @Override
    public void record(DeliveryAttempt attempt) {
        synchronized (lock) {
            if (!endpoints.containsKey(attempt.endpoint())) {
                return;
            }
            Deque<DeliveryAttempt> log = attempts.computeIfAbsent(attempt.endpoint(), id -> new ArrayDeque<>());
            log.addFirst(attempt);
            while (log.size() > ATTEMPTS_KEPT_PER_ENDPOINT) {
                log.removeLast();
            }
        }
    }

    @Override
    public List<DeliveryAttempt> recent(WebhookEndpointId endpoint, int limit) {
        synchronized (lock) {
            return attempts.getOrDefault(endpoint, new ArrayDeque<>()).stream().limit(limit).toList();
        }
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        synchronized (lock) {
            int forgotten = 0;
            for (Deque<DeliveryAttempt> log : attempts.values()) {
                int before = log.size();
                log.removeIf(attempt -> attempt.attemptedAt().isBefore(cutoff));
                forgotten += before - log.size();
            }
            return forgotten;
        }
    }
}
