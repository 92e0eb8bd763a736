package io.parceltrack.apps.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.DeliveryId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.kafka.ConsumerSettings;
import io.parceltrack.kafka.DeliveryConsumerSettings;
import io.parceltrack.kafka.DeliveryPublisherSettings;
import io.parceltrack.kafka.KafkaDeliveryPublisher;
import io.parceltrack.kafka.KafkaTopicCreator;
import io.parceltrack.kafka.NotificationDeliveryConsumer;
import io.parceltrack.kafka.TopicSettings;
import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import io.parceltrack.port.out.DeliveryClaimStore;
import io.parceltrack.port.out.Messenger;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.PostgresDatabase;
import io.parceltrack.postgres.TemporaryDatabase;
import io.parceltrack.service.NotificationDeliveryService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18's duplicate, made certain: the bots database (real PostgreSQL) goes away in the instant
 * between a notification's send and its record, with a real broker feeding the user bot's delivery
 * consumer. The messenger itself cuts the database off after it accepted the first message, so the
 * record of exactly that send fails; the batch is handled again, again while the database is away
 * and again once it is back. Every delivery must reach the messenger exactly once.
 */
@ExtendWith(KafkaTestBrokerExtension.class)
class SendBeforeBotsDatabaseOutageIT {
    private static final int DELIVERIES = 6;
    private static final Duration OUTAGE = Duration.ofSeconds(4);

    private final TemporaryDatabase bots = TemporaryDatabase.create();
    private final PostgresDatabase database;
    private final Map<DeliveryId, AtomicInteger> sends = new ConcurrentHashMap<>();
    private final AtomicBoolean cut = new AtomicBoolean();

    SendBeforeBotsDatabaseOutageIT() {
        database = PostgresDatabase.open(bots.settings().withConnectionTimeout(Duration.ofSeconds(1)));
        database.migrate(DatabaseRole.BOTS, false);
    }

    @AfterEach
    void dropTheDatabase() {
        database.close();
        allowConnections(true);
        bots.close();
    }

    @Test
    void aSendWhoseRecordFailedIsNotSentAgain(KafkaTestBroker broker) throws Exception {
        TopicSettings topic = TopicSettings.of("deliveries-" + UUID.randomUUID(), 1, (short) 1);
        new KafkaTopicCreator(broker.clientSettings()).createMissing(List.of(topic));
        Messenger cuttingMessenger = delivery -> {
            sends.computeIfAbsent(delivery.id(), id -> new AtomicInteger()).incrementAndGet();
            if (cut.compareAndSet(false, true)) {
                cutTheDatabaseFor(OUTAGE);
            }
            return Messenger.SendResult.SENT;
        };
        DeliveryClaimStore claims = database.botStores().deliveryClaims();
        NotificationDeliveryService service = new NotificationDeliveryService(claims, cuttingMessenger, Clock.systemUTC(),
                "user-bot-0", Duration.ofSeconds(60));
        ConsumerSettings consumer = new ConsumerSettings("outage-" + UUID.randomUUID(), "outage", 20,
                Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofMillis(200), Duration.ofSeconds(1));
        List<Delivery> deliveries = deliveriesTo(TelegramId.of(9_100_001), DELIVERIES);

        try (KafkaDeliveryPublisher publisher = new KafkaDeliveryPublisher(
                new DeliveryPublisherSettings(broker.clientSettings(), topic.name(), "outage-test"));
                NotificationDeliveryConsumer delivering = new NotificationDeliveryConsumer(
                        new DeliveryConsumerSettings(broker.clientSettings(), consumer, topic, 1), service).start()) {
            publisher.publishDeliveries(deliveries);

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!allRecorded() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }

        assertThat(cut).as("the database was cut off right after a send").isTrue();
        assertThat(allRecorded()).as("every delivery recorded as sent once the database was back")
                .isTrue();
        for (Delivery delivery : deliveries) {
            assertThat(sends.get(delivery.id())).as("sends of " + delivery.id()).hasValue(1);
        }
    }

    /** Whether every delivery is marked sent in the bots database; false while it is away. */
    private boolean allRecorded() {
        try (Connection connection = DriverManager.getConnection(bots.jdbcUrl(), "postgres", null);
                Statement statement = connection.createStatement();
                ResultSet sent = statement.executeQuery("SELECT count(*) FROM bot_delivery_claims WHERE status = 'sent'")) {
            sent.next();
            return sent.getInt(1) == DELIVERIES;
        } catch (SQLException databaseAway) {
            return false;
        }
    }

    private static List<Delivery> deliveriesTo(TelegramId person, int count) {
        TrackNumber parcel = Fixtures.newTrackNumber();
        List<Delivery> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ParcelEvent event = Fixtures.event(parcel, Fixtures.checkpoint(Fixtures.T0.plusSeconds(i), ParcelStatus.IN_TRANSIT));
            list.add(Delivery.of(event, person));
        }
        return list;
    }

    /** No one may connect for {@code outage}, and every open session ends now; then it is given back. */
    private void cutTheDatabaseFor(Duration outage) {
        allowConnections(false);
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + bots.name() + "'");
        Thread restore = new Thread(() -> {
            try {
                Thread.sleep(outage.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            allowConnections(true);
        }, "restore the bots database");
        restore.setDaemon(true);
        restore.start();
    }

    private void allowConnections(boolean allow) {
        admin("ALTER DATABASE " + bots.name() + " ALLOW_CONNECTIONS " + allow);
    }

    private void admin(String sql) {
        String adminUrl = bots.jdbcUrl().replaceFirst("/" + bots.name(), "/postgres");
        try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }
}
