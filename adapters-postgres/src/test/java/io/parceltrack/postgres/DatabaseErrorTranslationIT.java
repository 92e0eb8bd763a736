package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.port.out.RecordCheckpointPort.CheckpointRecord;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a caller can make the database refuse comes back as the domain error for it, naming the
 * field; nothing of the SQL, nor of the values bound to it, travels with what is thrown.
 */
class DatabaseErrorTranslationIT {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    /**
     * Constraints no caller can break, and why; breaking one is a bug of ours and not translated.
     */
    private static final Set<String> NOT_CALLER_CAUSED = Set.of(
            // generated keys
            "parcels_pkey", "checkpoints_pkey", "subscriptions_pkey", "outbox_pkey",
            // clashes the SQL resolves itself (ON CONFLICT), reported as false or as a claim outcome
            "parcels_track_number_key", "subscriptions_parcel_user_key", "processed_messages_pkey",
            "bot_processed_messages_pkey", "idempotency_keys_pkey", "conversations_pkey", "blocked_chats_pkey",
            "bot_delivery_claims_pkey",
            // delivery claims: the status is always one of the store's own literals, and the owner is the
            // instance id, checked by NotificationDeliveryService when the app starts
            "bot_delivery_claims_status_check", "bot_delivery_claims_owner_check",
            // random ids and tokens from a secure source: 122 and 256 bits
            "outbox_event_id_key", "managers_api_token_hash_key",
            // a hash the domain has validated, and hash and issue time the store always sets together
            "managers_api_token_hash_check", "managers_api_token_check",
            // webhooks: every value is a domain value checked before it gets here (WebhookUrl, WebhookEventType,
            // WebhookSecret, TelegramId, WebhookMessage, DeliveryAttempt, SendOutcome), ids are random or
            // generated, pairs of columns are set together by the store, and rows are inserted only while
            // their endpoint exists (a deletion racing an insert fails the insert, which is then retried)
            "webhook_endpoints_pkey", "webhook_endpoints_manager_telegram_id_check", "webhook_endpoints_url_check",
            "webhook_endpoints_events_check", "webhook_endpoints_secret_check", "webhook_endpoints_retired_secret_check",
            "webhook_endpoints_failing_check", "webhook_endpoints_disabled_check",
            "webhook_deliveries_pkey", "webhook_deliveries_endpoint_id_fkey", "webhook_deliveries_endpoint_message_key",
            "webhook_deliveries_body_check", "webhook_deliveries_attempts_check",
            "webhook_attempts_pkey", "webhook_attempts_endpoint_id_fkey", "webhook_attempts_attempt_check",
            "webhook_attempts_error_check", "webhook_attempts_outcome_check",
            // set only on a disabled endpoint (WHERE disabled_at = ...), cleared by every change of health
            "webhook_endpoints_manager_told_check",
            // a traceparent TraceContext has parsed and bounded (55 characters) before it reaches the outbox
            "outbox_trace_check",
            // the same for the traceparent a scheduled webhook delivery keeps (ScheduledDelivery checks it too)
            "webhook_deliveries_trace_check");

    private final ParcelStores stores = DATABASE.database().parcelStores(TestPayloads.PROTOBUF);

    private static int count(String table) {
        return DATABASE.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + table)
                .mapTo(Integer.class).one());
    }

    private Parcel storedParcel() {
        Parcel parcel = Fixtures.parcel(Fixtures.newId());
        stores.parcels().insertParcel(parcel);
        return parcel;
    }

    @Test
    void everyConstraintACallerCanBreakIsTranslated() {
        Set<String> inSchema = new HashSet<>(DATABASE.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT c.conname
                        FROM pg_constraint c
                        JOIN pg_class t ON t.oid = c.conrelid
                        JOIN pg_namespace n ON n.oid = t.relnamespace
                        WHERE n.nspname = 'public' AND t.relname NOT LIKE 'flyway_history_%' AND c.contype <> 'n'
                        UNION ALL
                        SELECT c.conname
                        FROM pg_constraint c
                        JOIN pg_type d ON d.oid = c.contypid
                        JOIN pg_namespace n ON n.oid = d.typnamespace
                        WHERE n.nspname = 'public' AND c.contype <> 'n'
                        """)
                .mapTo(String.class)
                .list()));

        Set<String> accountedFor = new HashSet<>(BrokenConstraints.translated());
        accountedFor.addAll(NOT_CALLER_CAUSED);
        assertThat(inSchema).containsExactlyInAnyOrderElementsOf(accountedFor);
    }

    @Test
    void aParcelStatusNoParcelMayHaveIsInvalidInputNamingTheStatus() {
        Parcel unknown = new Parcel(Fixtures.newTrackNumber(), Fixtures.details("Desk lamp"), Fixtures.newId(),
                ParcelStatus.UNKNOWN, Fixtures.T0, null);

        assertThatThrownBy(() -> stores.parcels().insertParcel(unknown))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("status"));
        assertThat(stores.parcels().findParcel(unknown.trackNumber())).isEmpty();
    }

    @Test
    void aDecisionTheSchemaRefusesStoresNothingOfTheCheckpoint() {
        Parcel parcel = storedParcel();
        Checkpoint checkpoint = Fixtures.checkpoint(Fixtures.T0.plusSeconds(60), ParcelStatus.IN_TRANSIT);
        Parcel broken = new Parcel(parcel.trackNumber(), parcel.details(), parcel.owner(), ParcelStatus.UNKNOWN,
                parcel.createdAt(), checkpoint.time());

        assertThatThrownBy(() -> stores.checkpoints().recordCheckpoint(parcel.trackNumber(),
                        current -> new CheckpointRecord(broken, checkpoint, Fixtures.event(parcel.trackNumber(), checkpoint))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("status"));
        assertThat(stores.parcels().findParcel(parcel.trackNumber())).contains(parcel);
        assertThat(stores.parcels().findCheckpoints(parcel.trackNumber(), PageRequest.firstDefault()).items()).isEmpty();
        assertThat(count("outbox")).isZero();
    }

    @Test
    void botNamesAndStatesOutOfBoundsAreInvalidInput() {
        var conversations = DATABASE.database().botStores().conversations();

        assertThatThrownBy(() -> conversations.saveConversation("", 42, "state"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("bot"));
        assertThatThrownBy(() -> conversations.saveConversation("user-bot", 42, "x".repeat(1024 * 1024 + 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field, FieldViolation::kind).containsExactly(
                                tuple("state", Kind.TOO_LONG)));
        assertThat(conversations.loadConversation("user-bot", 42)).isEmpty();
    }

    @Test
    void subscribingToAParcelDeletedMeanwhileFindsTheParcelGone() throws Exception {
        Parcel parcel = storedParcel();
        TrackNumber trackNumber = parcel.trackNumber();
        try (Handle deleting = DATABASE.jdbi().open()) {
            deleting.begin();
            deleting.createUpdate("DELETE FROM parcels WHERE track_number = :trackNumber")
                    .bind("trackNumber", trackNumber.value())
                    .execute();

            // The subscription still sees the parcel, then its foreign key check waits for the delete.
            CompletableFuture<Boolean> subscribing = CompletableFuture.supplyAsync(
                    () -> stores.subscriptions().addSubscription(Fixtures.newId(), trackNumber));
            awaitASessionWaitingForALock();
            deleting.commit();

            assertThatThrownBy(subscribing::join)
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.subject()).isEqualTo(Subject.PARCEL));
        }
        assertThat(count("subscriptions")).isZero();
    }

    @Test
    void aRuleNoCallerCanBreakIsReportedAsOurBugWithNeitherSqlNorValues() {
        Parcel parcel = storedParcel();
        Checkpoint first = Fixtures.checkpoint(Fixtures.T0.plusSeconds(1), ParcelStatus.IN_TRANSIT);
        Checkpoint second = Fixtures.checkpoint(Fixtures.T0.plusSeconds(2), ParcelStatus.IN_TRANSIT);
        ParcelEvent event = Fixtures.event(parcel.trackNumber(), first);
        stores.checkpoints().recordCheckpoint(parcel.trackNumber(),
                current -> new CheckpointRecord(current.withCheckpoint(first), first, event));
        ParcelEvent sameId = new ParcelEvent(event.id(), parcel.trackNumber(), parcel.name(), second, Fixtures.T0);

        Throwable failure = catchThrowable(() -> stores.checkpoints().recordCheckpoint(
                parcel.trackNumber(), current -> new CheckpointRecord(current.withCheckpoint(second), second, sameId)));

        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outbox_event_id_key")
                .hasMessageNotContaining("INSERT");
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage()))
                    .doesNotContain(event.id().toString())
                    .doesNotContain(parcel.trackNumber().value())
                    .doesNotContain("INSERT INTO");
        }
        assertThat(stores.parcels().findCheckpoints(parcel.trackNumber(), PageRequest.firstDefault()).items())
                .containsExactly(first);
    }

    @Test
    void registeringTwiceSaysSoWithoutEchoingThePersonsData() {
        TelegramId id = Fixtures.newId();
        var users = DATABASE.database().accountStores().users();
        users.addUser(Fixtures.user(id));

        assertThatThrownBy(() -> users.addUser(Fixtures.user(id)))
                .hasMessageNotContaining(Fixtures.user(id).profile().email().value())
                .hasMessageNotContaining(Long.toString(id.value()))
                .hasNoCause();
    }

    private static void awaitASessionWaitingForALock() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            int waiting = DATABASE.jdbi().withHandle(handle -> handle.createQuery("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE datname = current_database() AND wait_event_type = 'Lock'
                            """)
                    .mapTo(Integer.class).one());
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no session started waiting for the parcel's lock");
    }
}
