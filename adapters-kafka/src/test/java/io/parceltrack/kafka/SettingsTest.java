package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private final KafkaClientSettings client = KafkaClientSettings.defaults("127.0.0.1:9092");

    @Test
    void producersAreIdempotentAndWaitForAllReplicas() {
        var props = client.producerProperties("relay");

        assertThat(props).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    }

    @Test
    void producersRetryAfterTenMillisecondsAtFirstNotAHundred() {
        // A transaction's first records are refused while the broker completes the previous one.
        assertThat(client.producerProperties("relay")).containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10)
                .doesNotContainKey(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG);
    }

    @Test
    void consumersCommitByHandAndReadOnlyCommittedTransactions() {
        var props = client.consumerProperties(ConsumerSettings.defaults("group", "client", 10));

        assertThat(props).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "group")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
    }

    @Test
    void aConsumerIsADynamicMemberWithATenSecondSessionUnlessGivenAnInstanceId() {
        var dynamic = client.consumerProperties(ConsumerSettings.defaults("group", "client", 10));
        var named = client.consumerProperties(ConsumerSettings.defaults("group", "client", 10)
                .asStaticMember("user-bot-0", Duration.ofSeconds(12)));

        assertThat(dynamic).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        assertThat(named).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 12_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 4_000)
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "user-bot-0");
    }

    @Test
    void refusesADeliveryTimeoutShorterThanARequest() {
        assertThatThrownBy(() -> new KafkaClientSettings("k:9092", Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deliveryTimeout");
    }

    @Test
    void putsDeadLettersBesideTheirTopicByDefault() {
        assertThat(TopicSettings.parcelEvents().deadLetterTopic()).isEqualTo("parcel-events.dlt");
        assertThat(TopicSettings.notificationDeliveries().deadLetterTopic()).isEqualTo("notification-deliveries.dlt");
        assertThatThrownBy(() -> new TopicSettings("a", 1, (short) 1, "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesRetryPausesThatWouldCostTheGroupMembership() {
        assertThatThrownBy(() -> new ConsumerSettings("g", "c", 10, Duration.ofMillis(500), Duration.ofSeconds(10),
                        Duration.ofMillis(100), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRetryBackoff");
    }

    @Test
    void defaultsMatchTheDocumentedTopicsAndGroups() {
        FanOutConsumerSettings fanOut = FanOutConsumerSettings.defaults(client);
        DeliveryConsumerSettings deliveries = DeliveryConsumerSettings.defaults(client);

        assertThat(fanOut.events().name()).isEqualTo("parcel-events");
        assertThat(fanOut.deliveriesTopic()).isEqualTo("notification-deliveries");
        assertThat(fanOut.consumer().groupId()).isEqualTo("notification-fan-out");
        assertThat(deliveries.deliveries().name()).isEqualTo("notification-deliveries");
        assertThat(deliveries.consumer().groupId()).isEqualTo("user-bot-deliveries");
        assertThat(deliveries.parallelRecipients()).isEqualTo(16);
        assertThat(FanOutConsumerSettings.defaults(client).transactionalId()).isNotEqualTo(fanOut.transactionalId());
    }
}
