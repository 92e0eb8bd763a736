package io.parceltrack.telegram.user;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.user.UserParcelUseCases;
import io.parceltrack.telegram.chat.Callback;
import io.parceltrack.telegram.chat.OutgoingMessage;
import io.parceltrack.telegram.chat.Turn;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import java.util.function.Supplier;

/**
 * What the buttons of a registered person's cards and subscription list do: subscribe and
 * unsubscribe in place, page and prune the list, and swap a card with its history pages.
 */
final class SubscriptionButtons {
    private final UserParcelUseCases parcels;
    private final UserScreens screens;

    SubscriptionButtons(UserParcelUseCases parcels, UserScreens screens) {
        this.parcels = parcels;
        this.screens = screens;
    }

    /** {@code false} if the callback is none of these. */
    boolean handle(Turn<UserState> turn, int messageId, Callback callback) {
        if (callback instanceof Callback.Subscribe subscribe) {
            toggle(turn, messageId, subscribe.parcel(), true);
        } else if (callback instanceof Callback.Unsubscribe unsubscribe) {
            toggle(turn, messageId, unsubscribe.parcel(), false);
        } else if (callback instanceof Callback.SubscriptionsPage page) {
            OutgoingMessage list = screens.subscriptions(turn, page.page(), Text.SUBSCRIPTIONS_EMPTY);
            turn.answerPress("");
            turn.edit(messageId, list);
        } else if (callback instanceof Callback.StopFollowing stop) {
            stopFollowing(turn, messageId, stop);
        } else {
            return false;
        }
        return true;
    }

    /** A card and its history pages replace each other in the same message. */
    void inPlace(Turn<UserState> turn, int messageId, Supplier<OutgoingMessage> screen) {
        try {
            OutgoingMessage shown = screen.get();
            turn.answerPress("");
            turn.edit(messageId, shown);
        } catch (NotFoundException e) {
            parcelGone(turn, e);
        }
    }

    /** A parcel deleted since the button was made: the pressed button says so, the message stays. */
    static void parcelGone(Turn<UserState> turn, NotFoundException e) {
        if (e.subject() != Subject.PARCEL) {
            throw e;
        }
        turn.answerPress(turn.texts().plain(Text.PARCEL_GONE));
    }

    private void toggle(Turn<UserState> turn, int messageId, TrackNumber trackNumber, boolean subscribe) {
        Phrasebook texts = turn.texts();
        TelegramId person = turn.incoming().person();
        try {
            if (subscribe) {
                parcels.subscribe(person, trackNumber);
                turn.answerPress(texts.plain(Text.SUBSCRIBED));
            } else {
                parcels.unsubscribe(person, trackNumber);
                turn.answerPress(texts.plain(Text.UNSUBSCRIBED));
            }
        } catch (AlreadyExistsException e) {
            turn.answerPress(texts.plain(Text.ALREADY_SUBSCRIBED));
        } catch (NotFoundException e) {
            if (e.subject() != Subject.SUBSCRIPTION) {
                turn.answerPress(texts.plain(Text.PARCEL_GONE));
                turn.edit(messageId, OutgoingMessage.of(texts.phrase(Text.PARCEL_GONE)).withRow(UserScreens.menuButton(texts)));
                return;
            }
            turn.answerPress(texts.plain(Text.NOT_SUBSCRIBED));
        }
        turn.edit(messageId, screens.card(turn, trackNumber, true));
    }

    private void stopFollowing(Turn<UserState> turn, int messageId, Callback.StopFollowing stop) {
        Phrasebook texts = turn.texts();
        try {
            parcels.unsubscribe(turn.incoming().person(), stop.parcel());
            turn.answerPress(texts.plain(Text.UNSUBSCRIBED));
        } catch (NotFoundException e) {
            turn.answerPress(texts.plain(e.subject() == Subject.SUBSCRIPTION ? Text.NOT_SUBSCRIBED : Text.PARCEL_GONE));
        }
        turn.edit(messageId, screens.subscriptions(turn, stop.page(), Text.SUBSCRIPTIONS_NONE_LEFT));
    }
}
