package io.parceltrack.memory;

import io.parceltrack.port.out.DeliveryClaimStore;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryDeliveryClaimStore implements DeliveryClaimStore {
    private record Entry(String owner, Instant at, boolean sent) {}

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Claim claim(UUID deliveryId, String owner, Instant now, Instant staleBefore) {
        Claim[] outcome = new Claim[1];
        entries.compute(deliveryId, (id, existing) -> {
            if (existing == null
                    || !existing.sent() && (existing.owner().equals(owner) || existing.at().isBefore(staleBefore))) {
                outcome[0] = Claim.CLAIMED;
                return new Entry(owner, now, false);
            }
            outcome[0] = existing.sent() ? Claim.ALREADY_SENT : Claim.HELD_ELSEWHERE;
            return existing;
        });
        return outcome[0];
    }

    @Override
    public void markSent(UUID deliveryId, Instant at) {
        entries.compute(deliveryId, (id, existing) ->
                new Entry(existing == null ? "" : existing.owner(), at, true));
    }

    @Override
    public void release(UUID deliveryId, String owner) {
        entries.computeIfPresent(deliveryId, (id, existing) ->
                !existing.sent() && existing.owner().equals(owner) ? null : existing);
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        int before = entries.size();
        entries.values().removeIf(entry -> entry.at().isBefore(cutoff));
        return before - entries.size();
    }
}
