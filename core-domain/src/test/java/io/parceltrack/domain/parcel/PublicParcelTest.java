package io.parceltrack.domain.parcel;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicParcelTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Anna Smirnova|A. S***",
            "anna maria von trapp|A. T***",
            "Иван Петров|И. П***",
            "Madonna|M***",
            "  Jean-Luc   Picard  |J. P***",
            "«ООО Ромашка»|О. Р***",
            "Anna ***|A***",
            "@@@ ###|***"})
    void masksTheRecipientToInitials(String fullName, String masked) {
        assertThat(PublicParcel.maskName(fullName)).isEqualTo(masked);
    }

    @Test
    void showsNameStatusAndForecastButNoPersonalDetails() {
        Instant forecast = Instant.parse("2026-06-01T10:00:00Z");
        Parcel parcel = Parcel.register(new TrackNumber("AB123456789"),
                new ParcelDetails("Books", "Ann Lee", "Oslo, Storgata 1", forecast, "for Ann, flat 5"),
                new TelegramId(1), Instant.parse("2026-05-01T12:00:00Z"));

        PublicParcel shown = PublicParcel.of(parcel);

        assertThat(shown).isEqualTo(new PublicParcel(parcel.trackNumber(), "Books", ParcelStatus.PENDING, forecast,
                "A. L***"));
        assertThat(shown.toString()).doesNotContain("Ann Lee").doesNotContain("Storgata").doesNotContain("flat 5");
    }
}
