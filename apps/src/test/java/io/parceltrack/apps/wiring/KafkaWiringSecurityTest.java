package io.parceltrack.apps.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.ConfigurationLoader;
import io.parceltrack.apps.config.SettingsReader;
import io.parceltrack.kafka.KafkaClientSettings;
import io.parceltrack.kafka.KafkaSecurity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PARCELTRACK_KAFKA_SECURITY_* settings reach every Kafka client the apps build. */
class KafkaWiringSecurityTest {

    @Test
    void everyProducerAndConsumerOfTheAppsLogsInAsConfigured() {
        SettingsReader reader = new SettingsReader(ConfigurationLoader.load(Map.of(
                "PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS", "kafka:9093",
                "PARCELTRACK_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "PARCELTRACK_KAFKA_SECURITY_USERNAME", "notification-service",
                "PARCELTRACK_KAFKA_SECURITY_PASSWORD", "scram-secret",
                "PARCELTRACK_KAFKA_SECURITY_TRUSTSTORE_PATH", "/var/run/secrets/kafka/ca.pem")));
        AppSettings settings = AppSettings.read(reader);
        reader.validate();
        KafkaWiring wiring = new KafkaWiring(settings.kafka(), settings.security().kafka());

        List<KafkaClientSettings> clients = List.of(wiring.relayPublisher().client(), wiring.fanOutConsumer().client(),
                wiring.webhookConsumer().client(), wiring.deliveryConsumer(4).client());
        KafkaSecurity expected = KafkaSecurity.saslSsl("notification-service", "scram-secret",
                "/var/run/secrets/kafka/ca.pem", "PEM", "");
        assertThat(clients).allSatisfy(client -> assertThat(client.security()).isEqualTo(expected));
    }

    @Test
    void withoutSecuritySettingsTheClientsArePlaintext() {
        SettingsReader reader = new SettingsReader(ConfigurationLoader.load(Map.of(
                "PARCELTRACK_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")));
        AppSettings settings = AppSettings.read(reader);
        KafkaWiring wiring = new KafkaWiring(settings.kafka(), settings.security().kafka());

        assertThat(wiring.relayPublisher().client().security()).isEqualTo(KafkaSecurity.plaintext());
    }
}
