package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.kafka.testing.KafkaTestBroker;
import io.parceltrack.kafka.testing.KafkaTestBrokerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A consumer counts as ready only once it has joined its group on a real broker, including a
 * member left without partitions because the group has more members than the topic has partitions,
 * and no longer once it stopped.
 */
@ExtendWith(KafkaTestBrokerExtension.class)
class ConsumerGroupReadinessIT {
    private static final Duration JOIN_BOUND = Duration.ofSeconds(60);

    private final KafkaTestBroker broker;
    private final String topic = "parcel-events-" + UUID.randomUUID();

    ConsumerGroupReadinessIT(KafkaTestBroker broker) {
        this.broker = broker;
        broker.createTopic(topic, 1);
    }

    private WebhookEventConsumer member(String group) {
        return new WebhookEventConsumer(new WebhookConsumerSettings(broker.clientSettings(),
                TestSettings.consumer(group), TopicSettings.of(topic, 1, (short) 1)), event -> 0);
    }

    @Test
    void readyOnceEveryMemberJoinedItsGroupAndNotAfterStopping() throws Exception {
        String group = "readiness-" + UUID.randomUUID();
        List<WebhookEventConsumer> members = new ArrayList<>(List.of(member(group), member(group)));
        assertThat(members.get(0).hasJoinedGroup()).as("before it started").isFalse();
        try {
            members.forEach(WebhookEventConsumer::start);
            long deadline = System.nanoTime() + JOIN_BOUND.toNanos();
            while (!members.stream().allMatch(WebhookEventConsumer::hasJoinedGroup) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            // One partition, two members: one of them holds nothing and is ready all the same.
            assertThat(members).allMatch(WebhookEventConsumer::hasJoinedGroup);
        } finally {
            for (WebhookEventConsumer member : members) {
                assertThat(member.stop(Duration.ofSeconds(30))).as("the member stopped").isTrue();
            }
        }
        assertThat(members).noneMatch(WebhookEventConsumer::hasJoinedGroup);
    }
}
