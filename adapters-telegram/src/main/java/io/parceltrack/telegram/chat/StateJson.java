package io.parceltrack.telegram.chat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.PhoneNumber;
import io.parceltrack.domain.parcel.TrackNumber;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;

/**
 * The JSON of stored conversation states: the domain's value types as the plain text they stand
 * for ({@code "VF834349180"}, {@code "2026-12-24T15:30:00Z"}), read back through their own
 * validating constructors, so a corrupted state is refused rather than half-read.
 */
final class StateJson {
    private StateJson() {}

    static ObjectMapper mapper() {
        SimpleModule values = new SimpleModule("parceltrack-values");
        asText(values, TrackNumber.class, TrackNumber::value, TrackNumber::new);
        asText(values, Email.class, Email::value, Email::new);
        asText(values, PhoneNumber.class, PhoneNumber::value, PhoneNumber::new);
        asText(values, Instant.class, Instant::toString, Instant::parse);
        return new ObjectMapper().registerModule(values)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    private static <T> void asText(SimpleModule module, Class<T> type, Function<T, String> write,
            Function<String, T> read) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return read.apply(parser.getValueAsString());
            }
        });
    }
}
