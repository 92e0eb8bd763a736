package io.parceltrack.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaTestBrokerExtension.class)
class KafkaTestBrokerIT {

    @Test
    void keepsTopicsAcrossARestartOnTheSamePort(KafkaTestBroker broker) throws Exception {
        String address = broker.bootstrapServers();
        broker.createTopic("survives-restart", 3);

        broker.kill();
        assertThat(broker.isRunning()).isFalse();
        broker.start();

        assertThat(broker.bootstrapServers()).isEqualTo(address);
        try (Admin admin = broker.admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("survives-restart");
        }
    }
}
