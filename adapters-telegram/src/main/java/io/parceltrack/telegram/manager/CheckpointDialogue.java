package io.parceltrack.telegram.manager;

import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.error.ConflictException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.telegram.chat.Answers;
import io.parceltrack.telegram.chat.Button;
import io.parceltrack.telegram.chat.Callback;
import io.parceltrack.telegram.chat.OutgoingMessage;
import io.parceltrack.telegram.chat.Turn;
import io.parceltrack.telegram.manager.ManagerState.AddingCheckpoint;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.ParcelText;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Adding a checkpoint: which parcel (picked or typed; it must be the manager's own and not
 * finished), its new status (buttons only), place and description (both optional) and the time
 * (typed, or "now"); then it is recorded, and a checkpoint dated before the parcel's latest one is
 * said to have left the status as it was.
 */
final class CheckpointDialogue {
    private final ManagerParcelUseCases parcels;
    private final ManagerScreens screens;

    CheckpointDialogue(ManagerParcelUseCases parcels, ManagerScreens screens) {
        this.parcels = parcels;
        this.screens = screens;
    }

    void start(Turn<ManagerState> turn) {
        ask(turn, new ManagerState.CheckpointParcel(), Markup.NONE);
    }

    /** The parcel the checkpoint is for, however it was chosen. */
    void choose(Turn<ManagerState> turn, TrackNumber trackNumber) {
        Phrasebook texts = turn.texts();
        Parcel parcel;
        try {
            parcel = parcels.getOwnParcel(turn.incoming().person(), trackNumber);
        } catch (NotFoundException e) {
            ask(turn, new ManagerState.CheckpointParcel(), texts.phrase(Text.PARCEL_NOT_FOUND, trackNumber.value()));
            return;
        } catch (AccessDeniedException e) {
            ask(turn, new ManagerState.CheckpointParcel(), texts.phrase(Text.NOT_YOUR_PARCEL, trackNumber.value()));
            return;
        }
        if (parcel.status().isFinal()) {
            ask(turn, new ManagerState.CheckpointParcel(), texts.phrase(Text.CHECKPOINT_PARCEL_FINAL,
                    trackNumber.value(), new ParcelText(texts, turn.dates()).status(parcel.status())));
            return;
        }
        ask(turn, new ManagerState.CheckpointStatus(trackNumber, parcel.name(), parcel.status()), Markup.NONE);
    }

    void answer(Turn<ManagerState> turn, AddingCheckpoint step, String text) {
        Phrasebook texts = turn.texts();
        if (step instanceof ManagerState.CheckpointParcel) {
            Answers.read(turn, text, TrackNumber::parse).then(trackNumber -> choose(turn, trackNumber),
                    reason -> again(turn, step, reason));
        } else if (step instanceof ManagerState.CheckpointStatus) {
            again(turn, step, texts.phrase(Text.PROBLEM_STATUS));
        } else if (step instanceof ManagerState.CheckpointPlace at) {
            Answers.text(turn, text, Checkpoint.PLACE).then(
                    place -> ask(turn, new ManagerState.CheckpointNote(at.parcel(), at.parcelName(), at.status(), place),
                            Markup.NONE),
                    reason -> again(turn, step, reason));
        } else if (step instanceof ManagerState.CheckpointNote at) {
            Answers.text(turn, text, Checkpoint.DESCRIPTION).then(
                    note -> ask(turn, new ManagerState.CheckpointTime(at.parcel(), at.parcelName(), at.status(),
                            at.place(), note), Markup.NONE),
                    reason -> again(turn, step, reason));
        } else {
            ManagerState.CheckpointTime at = (ManagerState.CheckpointTime) step;
            Answers.moment(turn, text, Checkpoint.TIME).then(time -> record(turn, at, time),
                    reason -> again(turn, step, reason));
        }
    }

    /** A button of this dialogue pressed in its own step; {@code false} for any other press. */
    boolean press(Turn<ManagerState> turn, AddingCheckpoint step, Callback callback) {
        if (step instanceof ManagerState.CheckpointStatus at && callback instanceof Callback.PickStatus pick) {
            turn.answerPress("");
            ask(turn, new ManagerState.CheckpointPlace(at.parcel(), at.parcelName(), pick.status()), Markup.NONE);
        } else if (step instanceof ManagerState.CheckpointPlace at && skips(callback, Callback.Skippable.PLACE)) {
            turn.answerPress("");
            ask(turn, new ManagerState.CheckpointNote(at.parcel(), at.parcelName(), at.status(), ""), Markup.NONE);
        } else if (step instanceof ManagerState.CheckpointNote at && skips(callback, Callback.Skippable.NOTE)) {
            turn.answerPress("");
            ask(turn, new ManagerState.CheckpointTime(at.parcel(), at.parcelName(), at.status(), at.place(), ""),
                    Markup.NONE);
        } else if (step instanceof ManagerState.CheckpointTime at && callback instanceof Callback.Now) {
            turn.answerPress("");
            record(turn, at, turn.now());
        } else {
            return false;
        }
        return true;
    }

    private static boolean skips(Callback callback, Callback.Skippable answer) {
        return callback instanceof Callback.Skip skip && skip.answer() == answer;
    }

    OutgoingMessage question(Turn<ManagerState> turn, AddingCheckpoint step) {
        Phrasebook texts = turn.texts();
        if (step instanceof ManagerState.CheckpointParcel) {
            return screens.pickParcel(turn);
        }
        if (step instanceof ManagerState.CheckpointStatus at) {
            ParcelText parcelText = new ParcelText(texts, turn.dates());
            List<Button> statuses = Arrays.stream(ParcelStatus.checkpointStatuses())
                    .map(status -> new Button(parcelText.status(status), new Callback.PickStatus(status))).toList();
            return OutgoingMessage.of(texts.phrase(Text.CHECKPOINT_ASK_STATUS, at.parcelName(), at.parcel().value(),
                            parcelText.status(at.current())))
                    .withRow(statuses.subList(0, 2)).withRow(statuses.subList(2, statuses.size()));
        }
        if (step instanceof ManagerState.CheckpointPlace) {
            return OutgoingMessage.of(texts.phrase(Text.CHECKPOINT_ASK_PLACE))
                    .withRow(new Button(texts.plain(Text.BUTTON_SKIP), new Callback.Skip(Callback.Skippable.PLACE)));
        }
        if (step instanceof ManagerState.CheckpointNote) {
            return OutgoingMessage.of(texts.phrase(Text.CHECKPOINT_ASK_DESCRIPTION))
                    .withRow(new Button(texts.plain(Text.BUTTON_SKIP), new Callback.Skip(Callback.Skippable.NOTE)));
        }
        return OutgoingMessage.of(texts.phrase(Text.CHECKPOINT_ASK_TIME, turn.dates().example(turn.now()),
                        turn.dates().zone().getId()))
                .withRow(new Button(texts.plain(Text.BUTTON_NOW), new Callback.Now()));
    }

    private void record(Turn<ManagerState> turn, ManagerState.CheckpointTime at, Instant time) {
        Phrasebook texts = turn.texts();
        TrackNumber trackNumber = at.parcel();
        try {
            Checkpoint checkpoint = at.at(time);
            Parcel parcel = parcels.addCheckpoint(new AddCheckpointCommand(turn.incoming().person(), trackNumber,
                    checkpoint));
            String status = new ParcelText(texts, turn.dates()).status(parcel.status());
            boolean late = parcel.isLaterThan(checkpoint);
            ManagerConversation.showMenu(turn, texts.phrase(late ? Text.CHECKPOINT_ADDED_LATE : Text.CHECKPOINT_ADDED,
                    parcel.name(), trackNumber.value(), status));
        } catch (InvalidInputException e) {
            FieldViolation violation = e.violations().get(0);
            boolean tooFarAhead = violation.field().equals(Checkpoint.TIME.field())
                    && violation.kind() == Kind.OUT_OF_RANGE;
            again(turn, at, tooFarAhead ? texts.phrase(Text.PROBLEM_CHECKPOINT_FUTURE) : turn.problems().explainAll(e));
        } catch (ConflictException e) {
            ManagerConversation.showMenu(turn, texts.phrase(Text.CHECKPOINT_REFUSED_FINAL));
        } catch (NotFoundException e) {
            ManagerConversation.showMenu(turn, texts.phrase(Text.PARCEL_GONE));
        } catch (AccessDeniedException e) {
            ManagerConversation.showMenu(turn, texts.phrase(Text.NOT_YOUR_PARCEL, trackNumber.value()));
        }
    }

    private void again(Turn<ManagerState> turn, AddingCheckpoint step, Markup reason) {
        ask(turn, step, turn.texts().phrase(Text.FIX_AND_RETRY, reason));
    }

    private void ask(Turn<ManagerState> turn, AddingCheckpoint step, Markup notice) {
        turn.moveTo(step);
        turn.send(question(turn, step).withNotice(notice));
    }
}
