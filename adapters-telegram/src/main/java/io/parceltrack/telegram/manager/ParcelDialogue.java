package io.parceltrack.telegram.manager;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.telegram.chat.Answers;
import io.parceltrack.telegram.chat.Button;
import io.parceltrack.telegram.chat.Callback;
import io.parceltrack.telegram.chat.OutgoingMessage;
import io.parceltrack.telegram.chat.Parsed;
import io.parceltrack.telegram.chat.Turn;
import io.parceltrack.telegram.manager.ManagerState.AddingParcel;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.ParcelText;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import java.util.function.Function;

/**
 * Adding a parcel: name, recipient, address, expected delivery (a date still to come) and an
 * optional description, each answer read once and asked again with the reason if refused; then the
 * parcel is created and its track number and recipient's link shown.
 */
final class ParcelDialogue {
    private final ManagerParcelUseCases parcels;
    private final ManagerScreens screens;

    ParcelDialogue(ManagerParcelUseCases parcels, ManagerScreens screens) {
        this.parcels = parcels;
        this.screens = screens;
    }

    void start(Turn<ManagerState> turn) {
        ask(turn, new ManagerState.ParcelName(), Markup.NONE);
    }

    void answer(Turn<ManagerState> turn, AddingParcel step, String text) {
        if (step instanceof ManagerState.ParcelName) {
            next(turn, step, Answers.text(turn, text, ParcelDetails.NAME), ManagerState.ParcelRecipient::new);
        } else if (step instanceof ManagerState.ParcelRecipient at) {
            next(turn, step, Answers.text(turn, text, ParcelDetails.RECIPIENT),
                    recipient -> new ManagerState.ParcelAddress(at.name(), recipient));
        } else if (step instanceof ManagerState.ParcelAddress at) {
            next(turn, step, Answers.text(turn, text, ParcelDetails.ARRIVAL_ADDRESS),
                    address -> new ManagerState.ParcelForecast(at.name(), at.recipient(), address));
        } else if (step instanceof ManagerState.ParcelForecast at) {
            next(turn, step, Answers.futureMoment(turn, text, ParcelDetails.FORECAST_DATE),
                    forecast -> new ManagerState.ParcelDescription(at.name(), at.recipient(), at.address(), forecast));
        } else {
            ManagerState.ParcelDescription at = (ManagerState.ParcelDescription) step;
            Answers.text(turn, text, ParcelDetails.DESCRIPTION)
                    .then(description -> create(turn, at, description), reason -> again(turn, step, reason));
        }
    }

    /** The Skip button of the description; {@code false} if this is not the step for it. */
    boolean press(Turn<ManagerState> turn, AddingParcel step, Callback callback) {
        if (step instanceof ManagerState.ParcelDescription at && callback instanceof Callback.Skip skip
                && skip.answer() == Callback.Skippable.DESCRIPTION) {
            turn.answerPress("");
            create(turn, at, "");
            return true;
        }
        return false;
    }

    OutgoingMessage question(Turn<ManagerState> turn, AddingParcel step) {
        Phrasebook texts = turn.texts();
        if (step instanceof ManagerState.ParcelName) {
            return OutgoingMessage.of(texts.phrase(Text.PARCEL_ASK_NAME));
        }
        if (step instanceof ManagerState.ParcelRecipient) {
            return OutgoingMessage.of(texts.phrase(Text.PARCEL_ASK_RECIPIENT));
        }
        if (step instanceof ManagerState.ParcelAddress) {
            return OutgoingMessage.of(texts.phrase(Text.PARCEL_ASK_ADDRESS));
        }
        if (step instanceof ManagerState.ParcelForecast) {
            return OutgoingMessage.of(texts.phrase(Text.PARCEL_ASK_FORECAST, turn.dates().example(turn.now()),
                    turn.dates().zone().getId()));
        }
        return OutgoingMessage.of(texts.phrase(Text.PARCEL_ASK_DESCRIPTION))
                .withRow(new Button(texts.plain(Text.BUTTON_SKIP), new Callback.Skip(Callback.Skippable.DESCRIPTION)));
    }

    private void create(Turn<ManagerState> turn, ManagerState.ParcelDescription at, String description) {
        Phrasebook texts = turn.texts();
        try {
            ParcelDetails details = new ParcelDetails(at.name(), at.recipient(), at.address(), at.forecast(), description);
            Parcel parcel = parcels.addParcel(new AddParcelCommand(turn.incoming().person(), details));
            turn.moveTo(new ManagerState.Idle());
            turn.send(OutgoingMessage.of(texts.phrase(Text.PARCEL_CREATED, parcel.trackNumber().value())
                            .then(screens.shareLink(texts, parcel.trackNumber()))
                            .paragraph(new ParcelText(texts, turn.dates()).details(parcel)))
                    .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_ADD_CHECKPOINT),
                                    new Callback.CheckpointFor(parcel.trackNumber())),
                            ManagerScreens.menuButton(texts)));
        } catch (InvalidInputException e) {
            ask(turn, new ManagerState.ParcelName(), turn.problems().explainAll(e));
        }
    }

    private <T> void next(Turn<ManagerState> turn, AddingParcel step, Parsed<T> answer,
            Function<T, AddingParcel> next) {
        answer.then(value -> ask(turn, next.apply(value), Markup.NONE), reason -> again(turn, step, reason));
    }

    private void again(Turn<ManagerState> turn, AddingParcel step, Markup reason) {
        ask(turn, step, turn.texts().phrase(Text.FIX_AND_RETRY, reason));
    }

    private void ask(Turn<ManagerState> turn, AddingParcel step, Markup notice) {
        turn.moveTo(step);
        turn.send(question(turn, step).withNotice(notice));
    }
}
