package io.parceltrack.telegram.manager;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.telegram.DeepLink;
import io.parceltrack.telegram.chat.Button;
import io.parceltrack.telegram.chat.Callback;
import io.parceltrack.telegram.chat.OutgoingMessage;
import io.parceltrack.telegram.chat.Pages;
import io.parceltrack.telegram.chat.Turn;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.ParcelText;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The manager bot's screens that show data: the menu, the paged parcel list, a parcel's details
 * with its paged history and the link for its recipient, the delete confirmation, the parcels to
 * pick for a checkpoint, and the API token screens. Every button carries what it acts on, so
 * screens keep working in any step and after a restart.
 */
final class ManagerScreens {
    static final int PARCELS_PAGE = 5;
    static final int HISTORY_PAGE = 4;
    static final int PARCELS_TO_PICK = 8;
    /** Pages of the newest parcels searched for ones that can still take a checkpoint. */
    static final int PICK_PAGES = 3;
    static final int PICK_PAGE_SIZE = 20;

    private final ManagerParcelUseCases parcels;
    private final URI restApiUrl;
    private final String userBotUsername;

    ManagerScreens(ManagerParcelUseCases parcels, URI restApiUrl, String userBotUsername) {
        this.parcels = parcels;
        this.restApiUrl = restApiUrl;
        this.userBotUsername = userBotUsername;
    }

    static OutgoingMessage menu(Phrasebook texts) {
        return OutgoingMessage.of(texts.phrase(Text.MANAGER_MENU))
                .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_ADD_PARCEL), menuItem(Callback.MenuItem.ADD_PARCEL)),
                        new Button(texts.plain(Text.MANAGER_BUTTON_PARCELS), menuItem(Callback.MenuItem.PARCELS)))
                .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_ADD_CHECKPOINT),
                                menuItem(Callback.MenuItem.ADD_CHECKPOINT)),
                        new Button(texts.plain(Text.MANAGER_BUTTON_TOKEN), menuItem(Callback.MenuItem.TOKEN)))
                .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_WEBHOOKS), menuItem(Callback.MenuItem.WEBHOOKS)),
                        new Button(texts.plain(Text.BUTTON_HELP), menuItem(Callback.MenuItem.HELP)));
    }

    static Callback.Menu menuItem(Callback.MenuItem item) {
        return new Callback.Menu(item);
    }

    static Button menuButton(Phrasebook texts) {
        return new Button(texts.plain(Text.BUTTON_MENU), menuItem(Callback.MenuItem.MAIN));
    }

    static Button backToList(Phrasebook texts) {
        return new Button(texts.plain(Text.BUTTON_BACK_TO_LIST), new Callback.ParcelsPage(1));
    }

    /** The link that opens the user bot at this parcel, for the manager to pass on. */
    Markup shareLink(Phrasebook texts, TrackNumber trackNumber) {
        return texts.phrase(Text.SHARE_LINK, DeepLink.toParcel(userBotUsername, trackNumber).toString());
    }

    /** One page of the manager's parcels, newest first; for a page past the end see {@link Pages}. */
    OutgoingMessage parcelList(Turn<?> turn, int requestedPage) {
        Phrasebook texts = turn.texts();
        ParcelText parcelText = new ParcelText(texts, turn.dates());
        TelegramId manager = turn.incoming().person();
        Page<Parcel> page = Pages.load(requestedPage,
                number -> parcels.listOwnParcels(manager, new PageRequest(number, PARCELS_PAGE)));
        Pages.noteIfAstray(turn, requestedPage, page);
        if (page.items().isEmpty()) {
            return OutgoingMessage.of(texts.phrase(Text.PARCELS_EMPTY))
                    .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_ADD_PARCEL), menuItem(Callback.MenuItem.ADD_PARCEL)),
                            menuButton(texts));
        }
        int pageNumber = page.request().page();
        List<Markup> lines = new ArrayList<>();
        lines.add(texts.phrase(Text.PARCELS_TITLE, pageNumber));
        List<List<Button>> rows = new ArrayList<>();
        int number = (pageNumber - 1) * PARCELS_PAGE;
        for (Parcel parcel : page.items()) {
            lines.add(texts.phrase(Text.PARCEL_LINE, ++number, parcel.name(), parcel.trackNumber().value(),
                    parcelText.status(parcel.status())));
            rows.add(List.of(new Button(parcelText.label(parcel), new Callback.OwnParcel(parcel.trackNumber()))));
        }
        List<Button> navigation = new ArrayList<>();
        if (pageNumber > 1) {
            navigation.add(new Button(texts.plain(Text.BUTTON_PREV), new Callback.ParcelsPage(pageNumber - 1)));
        }
        if (page.hasNext()) {
            navigation.add(new Button(texts.plain(Text.BUTTON_NEXT), new Callback.ParcelsPage(pageNumber + 1)));
        }
        rows.add(navigation);
        rows.add(List.of(menuButton(texts)));
        return new OutgoingMessage(Markup.lines(lines), rows);
    }

    /** A parcel's details with one page of its history, the recipient's link, and what can be done with it. */
    OutgoingMessage details(Turn<?> turn, TrackNumber trackNumber, int requestedPage) {
        Phrasebook texts = turn.texts();
        ParcelText parcelText = new ParcelText(texts, turn.dates());
        TelegramId manager = turn.incoming().person();
        Parcel parcel = parcels.getOwnParcel(manager, trackNumber);
        Page<Checkpoint> history = Pages.load(requestedPage, number ->
                parcels.listOwnParcelCheckpoints(manager, trackNumber, new PageRequest(number, HISTORY_PAGE)));
        Pages.noteIfAstray(turn, requestedPage, history);
        int shown = history.request().page();
        Markup title = texts.phrase(Text.CARD_HISTORY, shown, turn.dates().utcOffset(turn.now()));
        OutgoingMessage message = OutgoingMessage.of(parcelText.details(parcel)
                        .then(shareLink(texts, trackNumber))
                        .paragraph(parcelText.checkpoints(title, new Page<>(history.items(), history.request(), false))))
                .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_ADD_CHECKPOINT), new Callback.CheckpointFor(trackNumber)),
                        new Button(texts.plain(Text.BUTTON_DELETE), new Callback.Delete(trackNumber)));
        List<Button> navigation = new ArrayList<>();
        // A timeline runs from the past on the left to the present on the right.
        if (history.hasNext()) {
            navigation.add(new Button(texts.plain(Text.BUTTON_OLDER), new Callback.OwnParcelHistory(trackNumber, shown + 1)));
        }
        if (shown > 1) {
            navigation.add(new Button(texts.plain(Text.BUTTON_NEWER), new Callback.OwnParcelHistory(trackNumber, shown - 1)));
        }
        return message.withRow(navigation).withRow(backToList(texts), menuButton(texts));
    }

    OutgoingMessage deleteConfirmation(Turn<?> turn, TrackNumber trackNumber) {
        Phrasebook texts = turn.texts();
        Parcel parcel = parcels.getOwnParcel(turn.incoming().person(), trackNumber);
        return OutgoingMessage.of(texts.phrase(Text.DELETE_CONFIRM, parcel.name(), trackNumber.value()))
                .withRow(new Button(texts.plain(Text.BUTTON_DELETE_YES), new Callback.ConfirmDelete(trackNumber)),
                        new Button(texts.plain(Text.BUTTON_DELETE_NO), new Callback.KeepParcel(trackNumber)));
    }

    OutgoingMessage deleted(Phrasebook texts, TrackNumber trackNumber) {
        return OutgoingMessage.of(texts.phrase(Text.DELETED, trackNumber.value()))
                .withRow(backToList(texts), menuButton(texts));
    }

    /**
     * The manager's newest parcels that can still take a checkpoint (delivered and canceled ones
     * cannot), labelled with their track numbers so that parcels of the same name differ.
     */
    OutgoingMessage pickParcel(Turn<?> turn) {
        Phrasebook texts = turn.texts();
        ParcelText parcelText = new ParcelText(texts, turn.dates());
        List<Parcel> open = new ArrayList<>();
        Page<Parcel> page = null;
        for (int number = 1; number <= PICK_PAGES && open.size() < PARCELS_TO_PICK
                && (page == null || page.hasNext()); number++) {
            page = parcels.listOwnParcels(turn.incoming().person(), new PageRequest(number, PICK_PAGE_SIZE));
            page.items().stream().filter(parcel -> !parcel.status().isFinal())
                    .limit(PARCELS_TO_PICK - open.size()).forEach(open::add);
        }
        if (open.isEmpty()) {
            return OutgoingMessage.of(texts.phrase(Text.CHECKPOINT_NO_PARCELS))
                    .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_ADD_PARCEL), menuItem(Callback.MenuItem.ADD_PARCEL)),
                            menuButton(texts));
        }
        OutgoingMessage message = OutgoingMessage.of(texts.phrase(Text.CHECKPOINT_ASK_PARCEL));
        for (Parcel parcel : open) {
            message = message.withRow(new Button(parcelText.labelWithTrackNumber(parcel),
                    new Callback.CheckpointFor(parcel.trackNumber())));
        }
        return message.withRow(menuButton(texts));
    }

    OutgoingMessage tokenScreen(Turn<?> turn, Manager manager) {
        Phrasebook texts = turn.texts();
        if (!manager.hasApiToken()) {
            return OutgoingMessage.of(texts.phrase(Text.TOKEN_NONE))
                    .withRow(new Button(texts.plain(Text.BUTTON_TOKEN_ISSUE), new Callback.Token(false)), menuButton(texts));
        }
        return OutgoingMessage.of(texts.phrase(Text.TOKEN_EXISTS, turn.dates().format(manager.apiTokenIssuedAt())))
                .withRow(new Button(texts.plain(Text.BUTTON_TOKEN_ROTATE), new Callback.Token(true)), menuButton(texts));
    }

    /** The token in clear text: the only time it is ever shown. */
    OutgoingMessage tokenShown(Phrasebook texts, ApiToken token) {
        String base = restApiUrl.toString().replaceAll("/+$", "");
        return OutgoingMessage.of(texts.phrase(Text.TOKEN_SHOWN, token.value(), base)).withRow(menuButton(texts));
    }
}
