package io.parceltrack.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Where the cluster is and how long our clients wait for it. The timeouts are bounded on purpose:
 * during a broker outage a publish fails with {@link io.parceltrack.port.out.PublishException}
 * after {@code deliveryTimeout} (and a blocking call after {@code apiTimeout}) instead of hanging,
 * and the caller retries later.
 *
 * @param requestTimeout how long one request to the broker may take
 * @param deliveryTimeout how long a record may take from send to acknowledgement, retries included
 * @param apiTimeout how long a blocking client call (metadata, commit, transaction step) may take
 * @param security how every client logs in and checks the brokers (the same for producers, consumers, admin)
 * @param observer told of every client opened and every record dead-lettered (metrics)
 */
public record KafkaClientSettings(
        String bootstrapServers, Duration requestTimeout, Duration deliveryTimeout, Duration apiTimeout,
        KafkaSecurity security, KafkaClientObserver observer) {
    /** A few ms of batching: a fan-out page or an outbox batch leaves in a few requests, not one per record. */
    private static final int LINGER_MS = 5;
    /**
     * First pause before a producer retries (doubling up to the client's default of 1 s). A
     * transactional producer's first records after a commit are refused with CONCURRENT_TRANSACTIONS
     * while the broker still completes the previous transaction, usually for a few ms; with the
     * default 100 ms pause, doubling, an outbox relay round was seen to wait up to 0.9 s for it.
     */
    private static final int RETRY_BACKOFF_MS = 10;

    public KafkaClientSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        Objects.requireNonNull(security, "security");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(deliveryTimeout, "deliveryTimeout");
        requirePositive(apiTimeout, "apiTimeout");
        Objects.requireNonNull(observer, "observer");
        // Kafka refuses a delivery timeout shorter than one request (plus linger, which we keep at 0-5 ms).
        if (deliveryTimeout.compareTo(requestTimeout.plusMillis(LINGER_MS)) < 0) {
            throw new IllegalArgumentException("deliveryTimeout must be at least requestTimeout + " + LINGER_MS + " ms");
        }
    }

    /** Plaintext clients (a local broker) nobody observes. */
    public KafkaClientSettings(String bootstrapServers, Duration requestTimeout, Duration deliveryTimeout, Duration apiTimeout) {
        this(bootstrapServers, requestTimeout, deliveryTimeout, apiTimeout, KafkaSecurity.plaintext());
    }

    /** Clients reaching the cluster with {@code security}, nobody observing them. */
    public KafkaClientSettings(String bootstrapServers, Duration requestTimeout, Duration deliveryTimeout, Duration apiTimeout,
            KafkaSecurity security) {
        this(bootstrapServers, requestTimeout, deliveryTimeout, apiTimeout, security, KafkaClientObserver.NONE);
    }

    /** The same cluster and timeouts, reached with {@code otherSecurity}. */
    public KafkaClientSettings withSecurity(KafkaSecurity otherSecurity) {
        return new KafkaClientSettings(bootstrapServers, requestTimeout, deliveryTimeout, apiTimeout, otherSecurity, observer);
    }

    public KafkaClientSettings withObserver(KafkaClientObserver newObserver) {
        return new KafkaClientSettings(bootstrapServers, requestTimeout, deliveryTimeout, apiTimeout, security, newObserver);
    }

    public static KafkaClientSettings defaults(String bootstrapServers) {
        return new KafkaClientSettings(bootstrapServers, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(15));
    }

    /** An idempotent producer that waits for all in-sync replicas: no duplicates or reordering on retry. */
    Map<String, Object> producerProperties(String clientId) {
        Map<String, Object> props = common();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, RETRY_BACKOFF_MS);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(requestTimeout));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(deliveryTimeout));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(apiTimeout));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    /**
     * A group member that commits by hand and reads only committed transactional data. Keys and
     * values stay bytes: parsing is ours, so that a bad record can be dead-lettered as it came.
     */
    Map<String, Object> consumerProperties(ConsumerSettings consumer) {
        Map<String, Object> props = common();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, consumer.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, consumer.clientId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, consumer.maxPollRecords());
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, millis(consumer.maxPollInterval()));
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, millis(consumer.sessionTimeout()));
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(1, millis(consumer.sessionTimeout()) / 3));
        if (!consumer.groupInstanceId().isBlank()) {
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, consumer.groupInstanceId());
        }
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(requestTimeout));
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(apiTimeout));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    Map<String, Object> adminProperties() {
        Map<String, Object> props = common();
        props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis(requestTimeout));
        props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(apiTimeout));
        return props;
    }

    /** Where the cluster is and how to log in to it: the one place every client's properties start from. */
    private Map<String, Object> common() {
        Map<String, Object> props = new HashMap<>(security.clientProperties());
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }

    static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
