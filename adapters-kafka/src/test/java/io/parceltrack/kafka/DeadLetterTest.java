package io.parceltrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void keepsTheRecordAsItCameAndSaysWhyAndWhereFrom() {
        ConsumerRecord<byte[], byte[]> source = new ConsumerRecord<>("parcel-events", 2, 41L, bytes("VF834349180"), bytes("junk"));
        source.headers().add("trace-id", bytes("abc"));

        ProducerRecord<byte[], byte[]> letter = DeadLetter.of(source, "parcel-events.dlt", "notification-fan-out", "broken");

        assertThat(letter.topic()).isEqualTo("parcel-events.dlt");
        assertThat(letter.key()).isEqualTo(bytes("VF834349180"));
        assertThat(letter.value()).isEqualTo(bytes("junk"));
        assertThat(header(letter, "trace-id")).isEqualTo("abc");
        assertThat(header(letter, DeadLetter.REASON)).isEqualTo("broken");
        assertThat(header(letter, DeadLetter.SOURCE_TOPIC)).isEqualTo("parcel-events");
        assertThat(header(letter, DeadLetter.SOURCE_PARTITION)).isEqualTo("2");
        assertThat(header(letter, DeadLetter.SOURCE_OFFSET)).isEqualTo("41");
        assertThat(header(letter, DeadLetter.CONSUMER_GROUP)).isEqualTo("notification-fan-out");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
