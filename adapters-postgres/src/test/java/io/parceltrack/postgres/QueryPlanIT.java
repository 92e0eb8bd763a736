package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every query path the stores take is served by an index, in the order it needs. With sequential
 * scans, bitmap scans and sorts priced out of reach, the planner still picks one only where no index
 * can do the job, so a "Seq Scan" or "Sort" left in a plan is a missing or mismatched index.
 */
class QueryPlanIT {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private static final Map<String, Object> VALUES = Map.ofEntries(
            Map.entry("trackNumber", "VF834349180"),
            Map.entry("trackNumbers", new String[] {"VF834349180", "RA000000017"}),
            Map.entry("owner", 42L),
            Map.entry("user", 42L),
            Map.entry("afterUserId", 0L),
            Map.entry("limit", 21),
            Map.entry("offset", 0L),
            Map.entry("consumer", "fan-out"),
            Map.entry("messageId", UUID.randomUUID()),
            Map.entry("cutoff", Fixtures.T0),
            Map.entry("hash", "0".repeat(64)));

    @Test
    void findsAParcelByTrackNumberThroughItsUniqueIndex() {
        assertIndexed(PostgresParcelStore.FIND, "parcels_track_number_key");
        assertIndexed(PostgresCheckpointRecorder.READ_PARCEL.replace("?", ":trackNumber"), "parcels_track_number_key");
        assertIndexed(PostgresCheckpointRecorder.LOCK_PARCEL.replace("?", ":trackNumber"), "parcels_track_number_key");
    }

    @Test
    void listsAManagersParcelsNewestFirstFromTheOwnerIndex() {
        assertIndexed(PostgresParcelStore.FIND_BY_OWNER, "parcels_owner_created_idx");
    }

    @Test
    void listsAParcelsCheckpointsNewestFirstFromTheHistoryIndex() {
        assertIndexed(PostgresParcelStore.FIND_CHECKPOINTS, "checkpoints_parcel_time_idx");
    }

    @Test
    void pagesThroughSubscribersFromTheParcelUserIndex() {
        assertIndexed(PostgresSubscriptionStore.FIND_SUBSCRIBERS, "subscriptions_parcel_user_key");
        assertIndexed(PostgresSubscriptionStore.IS_SUBSCRIBED, "subscriptions_parcel_user_key");
        // A batch's first pages: each parcel found by its track number, its page by the same index.
        assertIndexed(PostgresSubscriptionStore.FIND_FIRST_SUBSCRIBERS, "subscriptions_parcel_user_key");
        assertIndexed(PostgresSubscriptionStore.FIND_FIRST_SUBSCRIBERS, "parcels_track_number_key");
    }

    @Test
    void listsAUsersSubscriptionsMostRecentFirstFromTheUserIndex() {
        assertIndexed(PostgresSubscriptionStore.FIND_SUBSCRIBED_PARCELS, "subscriptions_user_recent_idx");
    }

    @Test
    void drainsTheOutboxOldestFirstFromItsKey() {
        assertIndexed(PostgresOutbox.OLDEST, "outbox_pkey");
    }

    @Test
    void authenticatesAnApiTokenThroughTheHashIndex() {
        assertIndexed(PostgresManagerStore.FIND_TOKEN_HOLDER, "managers_api_token_hash_key");
    }

    @Test
    void looksUpAndForgetsProcessedMessagesByIndex() {
        assertIndexed(PostgresProcessedMessageStore.IS_PROCESSED, "processed_messages", "processed_messages_pkey");
        assertIndexed(PostgresProcessedMessageStore.FORGET, "processed_messages", "processed_messages_processed_at_idx");
        assertIndexed(PostgresProcessedMessageStore.IS_PROCESSED, "bot_processed_messages",
                "bot_processed_messages_pkey");
        assertIndexed(PostgresProcessedMessageStore.FORGET, "bot_processed_messages",
                "bot_processed_messages_processed_at_idx");
    }

    @Test
    void forgetsOldDeliveryClaimsByIndex() {
        assertIndexed(PostgresDeliveryClaimStore.FORGET, "bot_delivery_claims", "bot_delivery_claims_changed_at_idx");
    }

    @Test
    void forgetsExpiredIdempotencyKeysByIndex() {
        assertIndexed(PostgresIdempotencyStore.FORGET, "idempotency_keys_claimed_at_idx");
    }

    private static void assertIndexed(String sql, String index) {
        assertIndexed(sql, null, index);
    }

    private static void assertIndexed(String sql, String table, String index) {
        List<String> plan = DATABASE.jdbi().inTransaction(handle -> {
            handle.execute("SET LOCAL enable_seqscan = off");
            handle.execute("SET LOCAL enable_bitmapscan = off");
            handle.execute("SET LOCAL enable_sort = off");
            return explain(handle, sql, table);
        });
        String text = String.join("\n", plan);
        assertThat(text).as(text).contains(index).doesNotContain("Seq Scan").doesNotContain("Sort");
    }

    private static List<String> explain(Handle handle, String sql, String table) {
        var query = handle.createQuery("EXPLAIN " + sql);
        if (table != null) {
            query.define("table", table);
        }
        VALUES.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                query.bind(name, value);
            }
        });
        return query.mapTo(String.class).list();
    }
}
