package io.parceltrack.postgres;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.SubscriptionStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Who follows which parcel, in the parcels database. */
public final class PostgresSubscriptionStore implements SubscriptionStore {
    private static final String FIND_PARCEL_ID = "SELECT id FROM parcels WHERE track_number = :trackNumber";
    // Of simultaneous inserts of one pair, ON CONFLICT lets exactly one through and turns the others
    // into "nothing inserted". A parcel deleted after its id was read breaks the foreign key, which
    // SqlFailures reports as the parcel not found.
    private static final String INSERT = """
            INSERT INTO subscriptions (parcel_id, user_telegram_id)
            VALUES (:parcelId, :user)
            ON CONFLICT (parcel_id, user_telegram_id) DO NOTHING
            """;
    private static final String DELETE = """
            DELETE FROM subscriptions s
            USING parcels p
            WHERE p.id = s.parcel_id AND p.track_number = :trackNumber AND s.user_telegram_id = :user
            """;
    static final String IS_SUBSCRIBED = """
            SELECT EXISTS (
                SELECT 1
                FROM subscriptions s
                JOIN parcels p ON p.id = s.parcel_id
                WHERE p.track_number = :trackNumber AND s.user_telegram_id = :user)
            """;
    static final String FIND_SUBSCRIBED_PARCELS = """
            SELECT %s
            FROM subscriptions s
            JOIN parcels p ON p.id = s.parcel_id
            WHERE s.user_telegram_id = :user
            ORDER BY s.id DESC
            LIMIT :limit OFFSET :offset
            """.formatted(ParcelRows.PARCEL_COLUMNS);
    // The parcel's id is looked up first, so that each keyset page is a short range scan of the
    // (parcel, user) index rather than a sort of all the parcel's subscribers.
    static final String FIND_SUBSCRIBERS = """
            SELECT s.user_telegram_id
            FROM subscriptions s
            WHERE s.parcel_id = (SELECT id FROM parcels WHERE track_number = :trackNumber)
              AND s.user_telegram_id > :afterUserId
            ORDER BY s.user_telegram_id
            LIMIT :limit
            """;

    // Each parcel's page comes from its own index range scan (the lateral subquery), as FIND_SUBSCRIBERS.
    static final String FIND_FIRST_SUBSCRIBERS = """
            SELECT p.track_number, s.user_telegram_id
            FROM parcels p
            CROSS JOIN LATERAL (
                SELECT user_telegram_id
                FROM subscriptions
                WHERE parcel_id = p.id
                ORDER BY user_telegram_id
                LIMIT :limit
            ) s
            WHERE p.track_number = ANY(:trackNumbers)
            """;

    private record Subscriber(String trackNumber, long user) {}

    private final TranslatedJdbi db;

    PostgresSubscriptionStore(TranslatedJdbi db) {
        this.db = db;
    }

    @Override
    public boolean addSubscription(TelegramId user, TrackNumber trackNumber) {
        return db.withHandle(handle -> {
            Optional<Long> parcelId = handle.createQuery(FIND_PARCEL_ID)
                    .bind("trackNumber", trackNumber.value())
                    .mapTo(Long.class)
                    .findOne();
            if (parcelId.isEmpty()) {
                throw new NotFoundException(Subject.PARCEL, "no parcel with track number " + trackNumber);
            }
            return handle.createUpdate(INSERT)
                    .bind("parcelId", parcelId.get().longValue())
                    .bind("user", user.value())
                    .execute() == 1;
        });
    }

    @Override
    public boolean removeSubscription(TelegramId user, TrackNumber trackNumber) {
        return db.withHandle(handle -> handle.createUpdate(DELETE)
                .bind("trackNumber", trackNumber.value())
                .bind("user", user.value())
                .execute()) == 1;
    }

    @Override
    public boolean isSubscribed(TelegramId user, TrackNumber trackNumber) {
        return db.withHandle(handle -> handle.createQuery(IS_SUBSCRIBED)
                .bind("trackNumber", trackNumber.value())
                .bind("user", user.value())
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public Page<Parcel> findSubscribedParcels(TelegramId user, PageRequest page) {
        return db.page(FIND_SUBSCRIBED_PARCELS, page, query -> query.bind("user", user.value()), ParcelRows.PARCEL);
    }

    @Override
    public List<TelegramId> findSubscribers(TrackNumber trackNumber, long afterUserId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return db.withHandle(handle -> handle.createQuery(FIND_SUBSCRIBERS)
                .bind("trackNumber", trackNumber.value())
                .bind("afterUserId", afterUserId)
                .bind("limit", limit)
                .map((row, context) -> new TelegramId(row.getLong("user_telegram_id")))
                .list());
    }

    @Override
    public Map<TrackNumber, List<TelegramId>> findFirstSubscribers(Set<TrackNumber> trackNumbers, int limit) {
        if (trackNumbers.isEmpty()) {
            return Map.of();
        }
        List<Subscriber> rows = db.withHandle(handle -> handle.createQuery(FIND_FIRST_SUBSCRIBERS)
                .bind("trackNumbers", trackNumbers.stream().map(TrackNumber::value).toArray(String[]::new))
                .bind("limit", limit)
                .map((row, context) -> new Subscriber(row.getString("track_number"), row.getLong("user_telegram_id")))
                .list());
        Map<TrackNumber, List<TelegramId>> pages = new HashMap<>();
        for (Subscriber row : rows) {
            pages.computeIfAbsent(new TrackNumber(row.trackNumber()), key -> new ArrayList<>()).add(new TelegramId(row.user()));
        }
        // The rows of one parcel come in index order, but SQL promises no order without ORDER BY.
        pages.values().forEach(page -> page.sort(Comparator.comparingLong(TelegramId::value)));
        return pages;
    }
}
