package io.parceltrack.telegram.user;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.PublicParcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.user.ParcelView;
import io.parceltrack.port.in.user.UserParcelUseCases;
import io.parceltrack.telegram.chat.Button;
import io.parceltrack.telegram.chat.Callback;
import io.parceltrack.telegram.chat.OutgoingMessage;
import io.parceltrack.telegram.chat.Pages;
import io.parceltrack.telegram.chat.Turn;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.ParcelText;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The user bot's screens that show data: the menu, the parcel card, a parcel's paged history and
 * the paged list of subscriptions. Every button carries what it acts on, so screens keep working in
 * any step and after a restart. Whether the recipient's details show follows {@link RecipientDetails}.
 */
final class UserScreens {
    static final int CARD_CHECKPOINTS = 3;
    static final int HISTORY_PAGE = 5;
    static final int SUBSCRIPTIONS_PAGE = 5;

    private final UserParcelUseCases parcels;
    private final RecipientDetails recipientDetails;

    UserScreens(UserParcelUseCases parcels, RecipientDetails recipientDetails) {
        this.parcels = parcels;
        this.recipientDetails = recipientDetails;
    }

    static OutgoingMessage menu(Phrasebook texts) {
        return OutgoingMessage.of(texts.phrase(Text.USER_MENU))
                .withRow(new Button(texts.plain(Text.USER_BUTTON_CHECK), new Callback.Menu(Callback.MenuItem.FIND_PARCEL)))
                .withRow(new Button(texts.plain(Text.USER_BUTTON_SUBSCRIPTIONS),
                        new Callback.Menu(Callback.MenuItem.SUBSCRIPTIONS)))
                .withRow(new Button(texts.plain(Text.BUTTON_HELP), new Callback.Menu(Callback.MenuItem.HELP)));
    }

    static Button menuButton(Phrasebook texts) {
        return new Button(texts.plain(Text.BUTTON_MENU), new Callback.Menu(Callback.MenuItem.MAIN));
    }

    /**
     * The parcel card: details, the latest checkpoints and a History button; for a registered
     * person also whether they follow it, the Subscribe / Unsubscribe toggle and the menu.
     *
     * @throws io.parceltrack.domain.error.NotFoundException if there is no such parcel
     */
    OutgoingMessage card(Turn<?> turn, TrackNumber trackNumber, boolean registered) {
        Phrasebook texts = turn.texts();
        ParcelText parcelText = new ParcelText(texts, turn.dates());
        ParcelView view = parcels.viewParcel(turn.incoming().person(), trackNumber);
        Parcel parcel = view.parcel();
        Markup details = recipientDetails == RecipientDetails.SHOWN
                ? parcelText.details(parcel) : parcelText.publicDetails(PublicParcel.of(parcel));
        Markup text = details.paragraph(parcelText.checkpoints(
                texts.phrase(Text.CARD_CHECKPOINTS, turn.dates().utcOffset(turn.now())),
                parcels.listCheckpoints(trackNumber, PageRequest.first(CARD_CHECKPOINTS))));
        Button history = new Button(texts.plain(Text.BUTTON_HISTORY), new Callback.History(trackNumber, 1));
        if (!registered) {
            return OutgoingMessage.of(text).withRow(history);
        }
        text = text.paragraph(texts.phrase(view.subscribed() ? Text.CARD_SUBSCRIBED : Text.CARD_NOT_SUBSCRIBED));
        Button toggle = view.subscribed()
                ? new Button(texts.plain(Text.BUTTON_UNSUBSCRIBE), new Callback.Unsubscribe(trackNumber))
                : new Button(texts.plain(Text.BUTTON_SUBSCRIBE), new Callback.Subscribe(trackNumber));
        return OutgoingMessage.of(text).withRow(toggle).withRow(history, menuButton(texts));
    }

    /**
     * One page of a parcel's whole history, newest first; for a page past the end see {@link Pages}.
     *
     * @throws io.parceltrack.domain.error.NotFoundException if there is no such parcel
     */
    OutgoingMessage history(Turn<?> turn, TrackNumber trackNumber, int requestedPage) {
        Phrasebook texts = turn.texts();
        ParcelText parcelText = new ParcelText(texts, turn.dates());
        Parcel parcel = parcels.viewParcel(turn.incoming().person(), trackNumber).parcel();
        Page<Checkpoint> page = Pages.load(requestedPage,
                number -> parcels.listCheckpoints(trackNumber, new PageRequest(number, HISTORY_PAGE)));
        Pages.noteIfAstray(turn, requestedPage, page);
        int shown = page.request().page();
        Markup title = texts.phrase(Text.HISTORY_TITLE, parcel.name(), trackNumber.value(), shown,
                turn.dates().utcOffset(turn.now()));
        List<Button> navigation = new ArrayList<>();
        // A timeline runs from the past on the left to the present on the right.
        if (page.hasNext()) {
            navigation.add(new Button(texts.plain(Text.BUTTON_OLDER), new Callback.History(trackNumber, shown + 1)));
        }
        if (shown > 1) {
            navigation.add(new Button(texts.plain(Text.BUTTON_NEWER), new Callback.History(trackNumber, shown - 1)));
        }
        return OutgoingMessage.of(parcelText.checkpoints(title, new Page<>(page.items(), page.request(), false)))
                .withRow(navigation)
                .withRow(new Button(texts.plain(Text.BUTTON_BACK_TO_CARD), new Callback.BackToCard(trackNumber)));
    }

    /** One page of the person's subscriptions; {@code emptyText} says why there are none. */
    OutgoingMessage subscriptions(Turn<?> turn, int requestedPage, Text emptyText) {
        Phrasebook texts = turn.texts();
        ParcelText parcelText = new ParcelText(texts, turn.dates());
        TelegramId person = turn.incoming().person();
        Page<Parcel> page = Pages.load(requestedPage,
                number -> parcels.listSubscriptions(person, new PageRequest(number, SUBSCRIPTIONS_PAGE)));
        Pages.noteIfAstray(turn, requestedPage, page);
        if (page.items().isEmpty()) {
            return OutgoingMessage.of(texts.phrase(emptyText))
                    .withRow(new Button(texts.plain(Text.USER_BUTTON_CHECK), new Callback.Menu(Callback.MenuItem.FIND_PARCEL)),
                            menuButton(texts));
        }
        int pageNumber = page.request().page();
        List<Markup> lines = new ArrayList<>();
        lines.add(texts.phrase(Text.SUBSCRIPTIONS_TITLE, pageNumber));
        int number = (pageNumber - 1) * SUBSCRIPTIONS_PAGE;
        List<List<Button>> rows = new ArrayList<>();
        for (Parcel parcel : page.items()) {
            TrackNumber trackNumber = parcel.trackNumber();
            lines.add(texts.phrase(Text.SUBSCRIPTION_LINE, ++number, parcel.name(), trackNumber.value(),
                    parcelText.status(parcel.status())));
            rows.add(List.of(new Button(parcelText.label(parcel), new Callback.OpenParcel(trackNumber)),
                    new Button(texts.plain(Text.BUTTON_STOP_FOLLOWING, trackNumber.value()),
                            new Callback.StopFollowing(trackNumber, pageNumber))));
        }
        List<Button> navigation = new ArrayList<>();
        if (pageNumber > 1) {
            navigation.add(new Button(texts.plain(Text.BUTTON_PREV), new Callback.SubscriptionsPage(pageNumber - 1)));
        }
        if (page.hasNext()) {
            navigation.add(new Button(texts.plain(Text.BUTTON_NEXT), new Callback.SubscriptionsPage(pageNumber + 1)));
        }
        rows.add(navigation);
        rows.add(List.of(menuButton(texts)));
        return new OutgoingMessage(Markup.lines(lines), rows);
    }
}
