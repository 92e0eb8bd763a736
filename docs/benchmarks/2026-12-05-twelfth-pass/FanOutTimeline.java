import java.time.Duration;
import java.util.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Diagnostic: per fan-out event, the relay's send time (parcel-events record timestamp) and the first/last delivery record timestamps. */
public class FanOutTimeline {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long seconds = Long.parseLong(args[1]);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "diag-" + UUID.randomUUID());
        p.put("auto.offset.reset", "latest");
        p.put("isolation.level", "read_uncommitted");
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        Map<String, long[]> byEvent = new LinkedHashMap<>(); // event id -> [relaySend, firstDelivery, lastDelivery, count]
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of("parcel-events", "notification-deliveries"));
            long end = System.currentTimeMillis() + seconds * 1000;
            while (System.currentTimeMillis() < end) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.topic().equals("parcel-events")) {
                        var e = io.parceltrack.proto.notification.Event.parseFrom(r.value());
                        if (!e.getTrackNumber().startsWith("FO")) continue;
                        byEvent.computeIfAbsent(e.getEventId(), k -> new long[] {0, Long.MAX_VALUE, 0, 0})[0] = r.timestamp();
                    } else {
                        var d = io.parceltrack.proto.notification.Delivery.parseFrom(r.value());
                        long[] t = byEvent.computeIfAbsent(d.getEventId(), k -> new long[] {0, Long.MAX_VALUE, 0, 0});
                        t[1] = Math.min(t[1], r.timestamp()); t[2] = Math.max(t[2], r.timestamp()); t[3]++;
                    }
                }
            }
        }
        byEvent.forEach((id, t) -> System.out.printf("%s relaySend=%d firstDelivery=+%d lastDelivery=+%d count=%d%n",
                id, t[0], t[1] - t[0], t[2] - t[0], t[3]));
    }
}
