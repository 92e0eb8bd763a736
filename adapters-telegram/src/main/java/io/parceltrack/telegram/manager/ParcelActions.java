package io.parceltrack.telegram.manager;

import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.telegram.chat.Callback;
import io.parceltrack.telegram.chat.OutgoingMessage;
import io.parceltrack.telegram.chat.Turn;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;

/**
 * What the buttons of the parcel list and of a parcel's details do: open it, page its history,
 * start a checkpoint, delete it (after confirming) or keep it.
 */
final class ParcelActions {
    private final ManagerParcelUseCases parcels;
    private final ManagerScreens screens;
    private final CheckpointDialogue checkpoints;

    ParcelActions(ManagerParcelUseCases parcels, ManagerScreens screens, CheckpointDialogue checkpoints) {
        this.parcels = parcels;
        this.screens = screens;
        this.checkpoints = checkpoints;
    }

    /** {@code false} if the callback is none of these. */
    boolean handle(Turn<ManagerState> turn, int messageId, Callback callback) {
        TrackNumber trackNumber;
        if (callback instanceof Callback.OwnParcel open) {
            trackNumber = open.parcel();
        } else if (callback instanceof Callback.OwnParcelHistory history) {
            trackNumber = history.parcel();
        } else if (callback instanceof Callback.CheckpointFor checkpoint) {
            trackNumber = checkpoint.parcel();
        } else if (callback instanceof Callback.Delete delete) {
            trackNumber = delete.parcel();
        } else if (callback instanceof Callback.ConfirmDelete confirm) {
            trackNumber = confirm.parcel();
        } else if (callback instanceof Callback.KeepParcel keep) {
            trackNumber = keep.parcel();
        } else {
            return false;
        }
        try {
            act(turn, messageId, callback, trackNumber);
        } catch (NotFoundException e) {
            gone(turn, messageId, callback, e);
        } catch (AccessDeniedException e) {
            turn.answerPress("");
            ManagerConversation.showMenu(turn, turn.texts().phrase(Text.NOT_YOUR_PARCEL, trackNumber.value()));
        }
        return true;
    }

    private void act(Turn<ManagerState> turn, int messageId, Callback callback, TrackNumber trackNumber) {
        if (callback instanceof Callback.OwnParcel) {
            OutgoingMessage details = screens.details(turn, trackNumber, 1);
            turn.answerPress("");
            turn.send(details);
        } else if (callback instanceof Callback.OwnParcelHistory history) {
            OutgoingMessage details = screens.details(turn, trackNumber, history.page());
            turn.answerPress("");
            turn.edit(messageId, details);
        } else if (callback instanceof Callback.CheckpointFor) {
            turn.answerPress("");
            checkpoints.choose(turn, trackNumber);
        } else if (callback instanceof Callback.Delete) {
            turn.answerPress("");
            turn.edit(messageId, screens.deleteConfirmation(turn, trackNumber));
        } else if (callback instanceof Callback.ConfirmDelete) {
            parcels.deleteParcel(turn.incoming().person(), trackNumber);
            turn.answerPress("");
            turn.edit(messageId, screens.deleted(turn.texts(), trackNumber));
        } else {
            turn.answerPress(turn.texts().plain(Text.DELETE_KEPT));
            turn.edit(messageId, screens.details(turn, trackNumber, 1));
        }
    }

    /**
     * The parcel was deleted since the button was made. A parcel's own screen says so in place; a
     * list keeps its other parcels and only the pressed button says so.
     */
    private static void gone(Turn<ManagerState> turn, int messageId, Callback callback, NotFoundException e) {
        if (e.subject() != Subject.PARCEL) {
            throw e;
        }
        Phrasebook texts = turn.texts();
        turn.answerPress(texts.plain(Text.PARCEL_GONE));
        if (!(callback instanceof Callback.OwnParcel)) {
            turn.edit(messageId, OutgoingMessage.of(texts.phrase(Text.PARCEL_GONE))
                    .withRow(ManagerScreens.backToList(texts), ManagerScreens.menuButton(texts)));
        }
    }
}
