package io.parceltrack.apps.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.ConfigurationLoader;
import io.parceltrack.apps.config.SettingsReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaWiringTest {
    private final KafkaWiring wiring = new KafkaWiring(AppSettings.read(new SettingsReader(ConfigurationLoader.load(Map.of(
            "PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
            "PARCELTRACK_KAFKA_INSTANCE_ID", "notification-0")))).kafka());

    @Test
    void everyConsumerIsAStaticMemberNamedByTheInstanceId() {
        assertThat(wiring.fanOutConsumer().consumer().groupInstanceId()).isEqualTo("notification-0");
        assertThat(wiring.deliveryConsumer(4).consumer().groupInstanceId()).isEqualTo("notification-0");
        assertThat(wiring.webhookConsumer().consumer().groupInstanceId()).isEqualTo("notification-0");
        assertThat(wiring.deliveryConsumer(4).consumer().sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void transactionalIdsAreStableAndTransactionsShort() {
        assertThat(wiring.fanOutConsumer().transactionalId()).isEqualTo("parceltrack-fan-out-notification-0");
        assertThat(wiring.relayPublisher().transactionalId()).isEqualTo("parceltrack-outbox-relay-notification-0");
        assertThat(wiring.fanOutConsumer().transactionTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(wiring.relayPublisher().transactionTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theInstanceIdFallsBackToTheHostName() {
        assertThat(KafkaWiring.instanceId("", "user-bot-1")).isEqualTo("user-bot-1");
        assertThat(KafkaWiring.instanceId("fixed", "user-bot-1")).isEqualTo("fixed");
        assertThat(KafkaWiring.instanceId("", null)).isNotBlank();
    }
}
