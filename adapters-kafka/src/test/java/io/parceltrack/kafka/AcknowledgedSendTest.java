package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.parceltrack.port.out.PublishException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class AcknowledgedSendTest {
    /** A producer that acknowledges nothing until flushed, as a real one lingers before it sends. */
    private final MockProducer<byte[], byte[]> lingering =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());

    private static ProducerRecord<byte[], byte[]> record(String value) {
        return new ProducerRecord<>("parcel-events", value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void flushesTheBatchInsteadOfWaitingForTheProducerToSendItOnItsOwn() {
        List<ProducerRecord<byte[], byte[]>> records = List.of(record("a"), record("b"), record("c"));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> AcknowledgedSend.sendAll(lingering, records));

        assertThat(lingering.flushed()).isTrue();
        assertThat(lingering.history()).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("a", "b", "c");
    }

    @Test
    void aRefusedRecordFailsTheWholeCall() {
        MockProducer<byte[], byte[]> refusing =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized void flush() {
                        errorNext(new NotEnoughReplicasException("one replica left"));
                        super.flush();
                    }
                };

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> AcknowledgedSend.sendAll(refusing, List.of(record("a"), record("b")))))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("parcel-events")
                .hasRootCauseMessage("one replica left");
    }
}
