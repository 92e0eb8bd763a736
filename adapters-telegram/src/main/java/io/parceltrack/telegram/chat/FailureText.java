package io.parceltrack.telegram.chat;

import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.ConflictException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.Text;

/**
 * The one place where a failure becomes words for a person. Flows handle the failures they expect
 * where a better answer exists (e.g. re-asking a step); everything else lands here.
 */
public final class FailureText {
    private FailureText() {}

    public static Markup explain(Turn<?> turn, RuntimeException failure) {
        var texts = turn.texts();
        if (failure instanceof InvalidInputException invalid) {
            return turn.problems().explainAll(invalid);
        }
        if (failure instanceof NotFoundException notFound) {
            return switch (notFound.subject()) {
                case PARCEL -> texts.phrase(Text.PARCEL_GONE);
                case USER, MANAGER -> texts.phrase(Text.REGISTER_FIRST);
                case SUBSCRIPTION -> texts.phrase(Text.NOT_SUBSCRIBED);
                case API_TOKEN -> texts.phrase(Text.TOKEN_MISSING);
                // The bot only shows webhook endpoints; one vanishing under it is not the manager's doing.
                case WEBHOOK_ENDPOINT -> texts.phrase(Text.INTERNAL_ERROR);
            };
        }
        if (failure instanceof AlreadyExistsException exists) {
            return switch (exists.subject()) {
                case USER, MANAGER -> texts.phrase(Text.ALREADY_REGISTERED);
                case SUBSCRIPTION -> texts.phrase(Text.ALREADY_SUBSCRIBED);
                case API_TOKEN -> texts.phrase(Text.TOKEN_ALREADY_ISSUED);
                case PARCEL, WEBHOOK_ENDPOINT -> texts.phrase(Text.INTERNAL_ERROR);
            };
        }
        if (failure instanceof AccessDeniedException) {
            return texts.phrase(Text.ACCESS_DENIED);
        }
        if (failure instanceof ConflictException) {
            return texts.phrase(Text.CHECKPOINT_REFUSED_FINAL);
        }
        if (failure instanceof UnavailableException) {
            return texts.phrase(Text.UNAVAILABLE);
        }
        return texts.phrase(Text.INTERNAL_ERROR);
    }
}
