package io.parceltrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.validation.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldVocabularyTest {

    private static List<String> violatedFields(Runnable invalid) {
        try {
            invalid.run();
        } catch (InvalidInputException e) {
            return e.violations().stream().map(FieldViolation::field).toList();
        }
        throw new AssertionError("expected invalid input");
    }

    @Test
    void everyFieldTheDomainReportsForANewParcelHasItsJsonName() {
        List<String> domainFields = violatedFields(() -> new ParcelDetails(null, null, null, null, "x".repeat(300)));

        assertThat(domainFields).extracting(FieldVocabulary.NEW_PARCEL::clientName)
                .containsExactly("parcel_name", "parcel_recipient", "parcel_arrival_address", "parcel_forecast_date",
                        "parcel_description");
    }

    @Test
    void everyFieldTheDomainReportsForANewCheckpointHasItsJsonName() {
        List<String> domainFields = violatedFields(() -> new Checkpoint(null, "a\nb", "\u0000", null));
        List<String> trackNumber = violatedFields(() -> TrackNumber.parse("x"));

        assertThat(domainFields).extracting(FieldVocabulary.NEW_CHECKPOINT::clientName)
                .containsExactly("checkpoint_time", "checkpoint_place", "checkpoint_description", "checkpoint_parcel_status");
        assertThat(trackNumber).extracting(FieldVocabulary.NEW_CHECKPOINT::clientName)
                .containsExactly("parcel_track_number");
    }

    @Test
    void theSameDomainFieldHasTheNameOfItsRequest() {
        assertThat(FieldVocabulary.NEW_PARCEL.clientName("description")).isEqualTo("parcel_description");
        assertThat(FieldVocabulary.NEW_CHECKPOINT.clientName("description")).isEqualTo("checkpoint_description");
        assertThat(FieldVocabulary.PARCEL_PATH.clientName("trackNumber")).isEqualTo("track-number");
        assertThat(FieldVocabulary.PAGING.clientName("pageSize")).isEqualTo("page_size");
    }

    @Test
    void namesTheDomainDoesNotKnowPassThrough() {
        assertThat(FieldVocabulary.NONE.clientName("whatever")).isEqualTo("whatever");
    }
}
