package io.parceltrack.apps.wiring;

import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.apps.config.SecuritySettings;
import io.parceltrack.apps.runtime.Component;
import io.parceltrack.apps.runtime.Lifecycle;
import io.parceltrack.kafka.ConsumerSettings;
import io.parceltrack.kafka.DeliveryConsumerSettings;
import io.parceltrack.kafka.FanOutConsumerSettings;
import io.parceltrack.kafka.KafkaClientSettings;
import io.parceltrack.kafka.KafkaSecurity;
import io.parceltrack.kafka.KafkaTopicCreator;
import io.parceltrack.kafka.ParcelEventPublisherSettings;
import io.parceltrack.kafka.TopicSettings;
import io.parceltrack.kafka.WebhookConsumerSettings;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Kafka settings from ours, and the topics this system needs. */
public final class KafkaWiring {
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(1);

    private final AppSettings.Kafka kafka;
    private final KafkaClientSettings client;
    private final String instanceId;

    public KafkaWiring(AppSettings.Kafka kafka) {
        this(kafka, KafkaSecurity.plaintext());
    }

    /** Every producer, consumer and admin client made from here logs in with {@code login}. */
    public KafkaWiring(AppSettings.Kafka kafka, SecuritySettings.KafkaLogin login) {
        this(kafka, security(login));
    }

    private KafkaWiring(AppSettings.Kafka kafka, KafkaSecurity security) {
        this.kafka = kafka;
        this.client = KafkaClientSettings.defaults(kafka.bootstrapServers()).withSecurity(security);
        this.instanceId = instanceId(kafka.instanceId(), System.getenv("HOSTNAME"));
    }

    static KafkaSecurity security(SecuritySettings.KafkaLogin login) {
        return new KafkaSecurity(KafkaSecurity.Protocol.valueOf(login.protocol()), login.saslMechanism(),
                login.username(), login.password(), login.truststorePath(), login.truststoreType(),
                login.truststorePassword());
    }

    /** The configured id, else the host name (a pod's name in Kubernetes), else a random one. */
    static String instanceId(String configured, String hostname) {
        if (!configured.isBlank()) {
            return configured;
        }
        return hostname != null && !hostname.isBlank() ? hostname : UUID.randomUUID().toString();
    }

    public TopicSettings parcelEvents() {
        return TopicSettings.of(kafka.parcelEventsTopic(), kafka.partitions(), (short) kafka.replicationFactor());
    }

    public TopicSettings deliveries() {
        return TopicSettings.of(kafka.deliveriesTopic(), kafka.partitions(), (short) kafka.replicationFactor());
    }

    /** Creates missing topics (and their dead-letter topics) when the app starts. */
    public void createTopicsOnStart(Lifecycle lifecycle) {
        lifecycle.add(Component.of("Kafka topics",
                () -> new KafkaTopicCreator(client).createMissing(List.of(parcelEvents(), deliveries())), () -> {}));
    }

    public ParcelEventPublisherSettings relayPublisher() {
        return new ParcelEventPublisherSettings(client, kafka.parcelEventsTopic(), "parceltrack-outbox-relay",
                "parceltrack-outbox-relay-" + instanceId, TRANSACTION_TIMEOUT);
    }

    public FanOutConsumerSettings fanOutConsumer() {
        FanOutConsumerSettings defaults = FanOutConsumerSettings.defaults(client);
        return new FanOutConsumerSettings(client,
                defaults.consumer().withGroupId(kafka.fanOutGroup()),
                parcelEvents(), kafka.deliveriesTopic(),
                "parceltrack-fan-out-" + instanceId, TRANSACTION_TIMEOUT);
    }

    public WebhookConsumerSettings webhookConsumer() {
        ConsumerSettings consumer = WebhookConsumerSettings.defaults(client).consumer().withGroupId(kafka.webhookGroup());
        return new WebhookConsumerSettings(client, consumer, parcelEvents());
    }

    public DeliveryConsumerSettings deliveryConsumer(int parallelRecipients) {
        ConsumerSettings consumer = DeliveryConsumerSettings.defaults(client).consumer().withGroupId(kafka.deliveryGroup());
        return new DeliveryConsumerSettings(client, consumer, deliveries(), parallelRecipients);
    }
}
