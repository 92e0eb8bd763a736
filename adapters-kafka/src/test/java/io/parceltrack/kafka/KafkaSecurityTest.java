package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every client of ours - producer, consumer, admin - gets the same security properties, and no password shows. */
class KafkaSecurityTest {
    private static final String PASSWORD = "scram-Pa55-never-shown";
    private final KafkaSecurity secured = KafkaSecurity.saslSsl("user-bot", PASSWORD, "/etc/kafka/ca.pem", "pem", "");
    private final KafkaClientSettings client = KafkaClientSettings.defaults("kafka:9093").withSecurity(secured);

    @Test
    void producersConsumersAndTheAdminClientAllLogInAndCheckTheBroker() {
        List<Map<String, Object>> all = List.of(client.producerProperties("p"),
                client.consumerProperties(ConsumerSettings.defaults("g", "c", 100)), client.adminProperties());
        for (Map<String, Object> props : all) {
            assertThat(props).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("ssl.truststore.location", "/etc/kafka/ca.pem")
                    .containsEntry("ssl.truststore.type", "PEM")
                    .containsEntry("ssl.endpoint.identification.algorithm", "https")
                    .containsEntry("bootstrap.servers", "kafka:9093")
                    .doesNotContainKey("ssl.truststore.password");
            assertThat((String) props.get("sasl.jaas.config"))
                    .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
                    .contains("username=\"user-bot\"").contains("password=\"" + PASSWORD + "\"");
        }
    }

    @Test
    void plaintextSendsNoCredentialsAndSaysSo() {
        Map<String, Object> props = KafkaClientSettings.defaults("k:9092").producerProperties("p");

        assertThat(props).containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKeys("sasl.jaas.config", "sasl.mechanism", "ssl.truststore.location");
    }

    @Test
    void neitherThePasswordNorTheTruststorePasswordIsEverPrinted() {
        KafkaSecurity withStore = KafkaSecurity.saslSsl("user-bot", PASSWORD, "/etc/kafka/ca.p12", "PKCS12", "store-secret");

        assertThat(withStore.toString()).doesNotContain(PASSWORD).doesNotContain("store-secret").contains("****");
        assertThat(client.withSecurity(withStore).toString()).doesNotContain(PASSWORD).doesNotContain("store-secret");
        assertThat(client.withSecurity(withStore).adminProperties()).containsEntry("ssl.truststore.password", "store-secret");
    }

    @Test
    void refusesSettingsThatCannotLogInOrWouldBreakOutOfTheJaasConfiguration() {
        assertThatThrownBy(() -> KafkaSecurity.saslSsl("user-bot", "", "", "PEM", ""))
                .hasMessageContaining("needs a username and a password");
        assertThatThrownBy(() -> KafkaSecurity.saslSsl("", PASSWORD, "", "PEM", ""))
                .hasMessageContaining("needs a username and a password");
        assertThatThrownBy(() -> KafkaSecurity.saslSsl("user-bot", "x\" admin=\"true", "", "PEM", ""))
                .hasMessageContaining("must not contain");
        assertThatThrownBy(() -> new KafkaSecurity(KafkaSecurity.Protocol.SASL_SSL, "PLAIN", "u", "p", "", "PEM", ""))
                .hasMessageContaining("saslMechanism");
        assertThatThrownBy(() -> KafkaSecurity.saslSsl("u", "p", "/ca", "P7B", "")).hasMessageContaining("truststoreType");
    }
}
