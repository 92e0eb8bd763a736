package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaTestBrokerExtension.class)
class KafkaTopicCreatorIT {

    @Test
    void createsMissingTopicsWithTheirDeadLetterTopicsAndLeavesExistingOnesAlone(KafkaTestBroker broker) throws Exception {
        String suffix = UUID.randomUUID().toString();
        TopicSettings events = TopicSettings.of("events-" + suffix, 3, (short) 1);
        TopicSettings deliveries = TopicSettings.of("deliveries-" + suffix, 5, (short) 1);
        broker.createTopic(deliveries.name(), 2);
        KafkaTopicCreator creator = new KafkaTopicCreator(broker.clientSettings());

        List<String> created = creator.createMissing(List.of(events, deliveries));

        assertThat(created).containsExactlyInAnyOrder(events.name(), events.deadLetterTopic(), deliveries.deadLetterTopic());
        assertThat(creator.createMissing(List.of(events, deliveries))).isEmpty();
        try (Admin admin = broker.admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(events.name(), deliveries.name(),
                    events.deadLetterTopic())).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.get(events.name()).partitions()).hasSize(3);
            assertThat(topics.get(deliveries.name()).partitions()).as("left as it was").hasSize(2);
            assertThat(topics.get(events.deadLetterTopic()).partitions()).hasSize(1);
        }
    }
}
