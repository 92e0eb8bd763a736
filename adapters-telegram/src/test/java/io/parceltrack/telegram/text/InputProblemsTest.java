package io.parceltrack.telegram.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.telegram.Language;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class InputProblemsTest {
    private final InputProblems english = new InputProblems(Phrasebook.load(Language.EN),
            new BotDates(ZoneId.of("Europe/Moscow")), Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void takesLengthBoundsFromTheDomainRules() {
        FieldViolation tooLong = new FieldViolation(ParcelDetails.NAME.field(), Kind.TOO_LONG, "too long");

        assertThat(english.explain(tooLong, "x".repeat(101)).html())
                .isEqualTo("That is too long: at most 100 characters, you sent 101.");
    }

    @Test
    void explainsEveryOffendingFieldOfAForm() {
        InvalidInputException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> RegisterManagerCommand.parse(TelegramId.of(1), "A", "nope", "123", "B"),
                InvalidInputException.class);

        String explained = english.explainAll(refused).html();

        assertThat(explained).contains("Full name: That is too short").contains("E-mail: That doesn't look like")
                .contains("Phone: That doesn't look like a phone number").contains("Company: That is too short");
    }

    @Test
    void explainsAMisshapenDateWithAnExampleInTheBotsFormat() {
        FieldViolation malformed = new FieldViolation("time", Kind.MALFORMED, "bad");

        assertThat(english.explain(malformed, "soon").html()).contains("DD.MM.YYYY HH:MM").contains("02.03.2026 12:00");
    }
}
