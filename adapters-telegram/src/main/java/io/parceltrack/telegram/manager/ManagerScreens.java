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
import io.parceltrack.telegram.chat.Button;
import io.parceltrack.telegram.chat.OutgoingMessage;
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
 * with its paged history, the delete confirmation, and the API token screens. Every button carries
 * what it acts on, so screens keep working in any step and after a restart.
 */
final class ManagerScreens {
    static final int PARCELS_PAGE = 5;
    static final int HISTORY_PAGE = 4;
    static final int PARCELS_TO_PICK = 8;

    private final ManagerParcelUseCases parcels;
    private final URI restApiUrl;

    ManagerScreens(ManagerParcelUseCases parcels, URI restApiUrl) {
        this.parcels = parcels;
        this.restApiUrl = restApiUrl;
    }

    static OutgoingMessage menu(Phrasebook texts) {
        return OutgoingMessage.of(texts.phrase(Text.MANAGER_MENU))
                .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_ADD_PARCEL), "menu:add"),
                        new Button(texts.plain(Text.MANAGER_BUTTON_PARCELS), "menu:parcels"))
                .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_ADD_CHECKPOINT), "menu:checkpoint"),
                        new Button(texts.plain(Text.MANAGER_BUTTON_TOKEN), "menu:token"))
                .withRow(new Button(texts.plain(Text.BUTTON_HELP), "menu:help"));
    }

    static Button menuButton(Phrasebook texts) {
        return new Button(texts.plain(Text.BUTTON_MENU), "menu:main");
    }

    /** One page of the manager's parcels, newest first; an emptied page falls back to the one before. */
    OutgoingMessage parcelList(Turn turn, int requestedPage) {
        Phrasebook texts = turn.texts();
        ParcelText parcelText = new ParcelText(texts, turn.dates());
        TelegramId manager = turn.incoming().person();
        int pageNumber = Math.max(1, requestedPage);
        Page<Parcel> page = parcels.listOwnParcels(manager, new PageRequest(pageNumber, PARCELS_PAGE));
        while (page.items().isEmpty() && pageNumber > 1) {
            pageNumber--;
            page = parcels.listOwnParcels(manager, new PageRequest(pageNumber, PARCELS_PAGE));
        }
        if (page.items().isEmpty()) {
            return OutgoingMessage.of(texts.phrase(Text.PARCELS_EMPTY))
                    .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_ADD_PARCEL), "menu:add"), menuButton(texts));
        }
        List<Markup> lines = new ArrayList<>();
        lines.add(texts.phrase(Text.PARCELS_TITLE, pageNumber));
        List<List<Button>> rows = new ArrayList<>();
        int number = (pageNumber - 1) * PARCELS_PAGE;
        for (Parcel parcel : page.items()) {
            String tn = parcel.trackNumber().value();
            lines.add(texts.phrase(Text.PARCEL_LINE, ++number, parcel.name(), tn, parcelText.status(parcel.status())));
            rows.add(List.of(new Button(parcelText.label(parcel), "pd:" + tn)));
        }
        List<Button> navigation = new ArrayList<>();
        if (pageNumber > 1) {
            navigation.add(new Button(texts.plain(Text.BUTTON_PREV), "pl:" + (pageNumber - 1)));
        }
        if (page.hasNext()) {
            navigation.add(new Button(texts.plain(Text.BUTTON_NEXT), "pl:" + (pageNumber + 1)));
        }
        rows.add(navigation);
        rows.add(List.of(menuButton(texts)));
        return new OutgoingMessage(Markup.lines(lines), rows);
    }

    /** A parcel's details with one page of its history, and what can be done with it. */
    OutgoingMessage details(Turn turn, TrackNumber trackNumber, int historyPage) {
        Phrasebook texts = turn.texts();
        ParcelText parcelText = new ParcelText(texts, turn.dates());
        TelegramId manager = turn.incoming().person();
        Parcel parcel = parcels.getOwnParcel(manager, trackNumber);
        Page<Checkpoint> history = parcels.listOwnParcelCheckpoints(manager, trackNumber,
                new PageRequest(Math.max(1, historyPage), HISTORY_PAGE));
        String tn = trackNumber.value();
        OutgoingMessage message = OutgoingMessage.of(parcelText.details(parcel)
                        .paragraph(parcelText.checkpoints(texts.phrase(Text.CARD_HISTORY, history.request().page()),
                                history)))
                .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_ADD_CHECKPOINT), "cp:" + tn),
                        new Button(texts.plain(Text.BUTTON_DELETE), "del:" + tn));
        List<Button> navigation = new ArrayList<>();
        if (history.request().page() > 1) {
            navigation.add(new Button(texts.plain(Text.BUTTON_NEWER), "ph:" + tn + ":" + (history.request().page() - 1)));
        }
        if (history.hasNext()) {
            navigation.add(new Button(texts.plain(Text.BUTTON_OLDER), "ph:" + tn + ":" + (history.request().page() + 1)));
        }
        return message.withRow(navigation)
                .withRow(new Button(texts.plain(Text.BUTTON_BACK_TO_LIST), "pl:1"), menuButton(texts));
    }

    OutgoingMessage deleteConfirmation(Turn turn, TrackNumber trackNumber) {
        Phrasebook texts = turn.texts();
        Parcel parcel = parcels.getOwnParcel(turn.incoming().person(), trackNumber);
        String tn = trackNumber.value();
        return OutgoingMessage.of(texts.phrase(Text.DELETE_CONFIRM, parcel.name(), tn))
                .withRow(new Button(texts.plain(Text.BUTTON_DELETE_YES), "delok:" + tn),
                        new Button(texts.plain(Text.BUTTON_DELETE_NO), "delno:" + tn));
    }

    OutgoingMessage deleted(Phrasebook texts, TrackNumber trackNumber) {
        return OutgoingMessage.of(texts.phrase(Text.DELETED, trackNumber.value()))
                .withRow(new Button(texts.plain(Text.BUTTON_BACK_TO_LIST), "pl:1"), menuButton(texts));
    }

    /** The manager's recent parcels to pick from, or typing a track number. */
    OutgoingMessage pickParcel(Turn turn) {
        Phrasebook texts = turn.texts();
        ParcelText parcelText = new ParcelText(texts, turn.dates());
        Page<Parcel> recent = parcels.listOwnParcels(turn.incoming().person(), PageRequest.first(PARCELS_TO_PICK));
        if (recent.items().isEmpty()) {
            return OutgoingMessage.of(texts.phrase(Text.CHECKPOINT_NO_PARCELS))
                    .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_ADD_PARCEL), "menu:add"), menuButton(texts));
        }
        OutgoingMessage message = OutgoingMessage.of(texts.phrase(Text.CHECKPOINT_ASK_PARCEL));
        for (Parcel parcel : recent.items()) {
            message = message.withRow(new Button(parcelText.label(parcel), "cp:" + parcel.trackNumber().value()));
        }
        return message.withRow(menuButton(texts));
    }

    OutgoingMessage tokenScreen(Phrasebook texts, Manager manager, Turn turn) {
        if (!manager.hasApiToken()) {
            return OutgoingMessage.of(texts.phrase(Text.TOKEN_NONE))
                    .withRow(new Button(texts.plain(Text.BUTTON_TOKEN_ISSUE), "tok:issue"), menuButton(texts));
        }
        return OutgoingMessage.of(texts.phrase(Text.TOKEN_EXISTS, turn.dates().format(manager.apiTokenIssuedAt())))
                .withRow(new Button(texts.plain(Text.BUTTON_TOKEN_ROTATE), "tok:rotate"), menuButton(texts));
    }

    /** The token in clear text: the only time it is ever shown. */
    OutgoingMessage tokenShown(Phrasebook texts, ApiToken token) {
        String base = restApiUrl.toString().replaceAll("/+$", "");
        return OutgoingMessage.of(texts.phrase(Text.TOKEN_SHOWN, token.value(), base)).withRow(menuButton(texts));
    }
}
