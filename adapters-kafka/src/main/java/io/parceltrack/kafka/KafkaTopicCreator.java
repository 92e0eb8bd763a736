package io.parceltrack.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates our topics and their dead-letter topics if they are missing; apps call it at start.
 * Existing topics are left as they are (partitions are only ever added by an operator: adding them
 * moves keys to other partitions, which breaks per-parcel order for messages in flight).
 */
public final class KafkaTopicCreator {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicCreator.class);

    private final KafkaClientSettings client;

    public KafkaTopicCreator(KafkaClientSettings client) {
        this.client = client;
    }

    /** Returns the names of the topics it created. */
    public List<String> createMissing(List<TopicSettings> topics) {
        try (Admin admin = Admin.create(client.adminProperties())) {
            long timeout = client.apiTimeout().toMillis();
            Set<String> existing = admin.listTopics().names().get(timeout, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSettings topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), topic.replicationFactor()));
                }
                // Dead letters are rare and read by people: one partition keeps them in arrival order.
                if (!existing.contains(topic.deadLetterTopic())) {
                    missing.add(new NewTopic(topic.deadLetterTopic(), 1, topic.replicationFactor()));
                }
            }
            List<String> created = new ArrayList<>();
            var results = admin.createTopics(missing).values();
            for (var result : results.entrySet()) {
                try {
                    result.getValue().get(timeout, TimeUnit.MILLISECONDS);
                    created.add(result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create Kafka topic " + result.getKey(), e.getCause());
                    }
                    // another instance created it meanwhile: fine
                }
            }
            if (!created.isEmpty()) {
                LOG.info("created Kafka topics {}", created);
            }
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create Kafka topics at " + client.bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        }
    }
}
