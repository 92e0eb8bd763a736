package io.parceltrack.telegram.chat;

import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a button press asks for. This is the one place where button data is written and read:
 * every record knows its data ({@link #data()}), and {@link #parse} reads it back, refusing
 * anything no button of ours carries (old clients, forged presses). The data of buttons in chats
 * must stay readable across versions, so a data format, once shipped, is kept.
 */
public sealed interface Callback {
    String SEPARATOR = ":";

    /** The button data: at most 64 bytes, as Telegram allows. */
    String data();

    /** The press {@code data} stands for; empty for data none of our buttons carries. */
    static Optional<Callback> parse(String data) {
        if (data == null || data.isEmpty() || data.length() > 64) {
            return Optional.empty();
        }
        for (Skippable answer : Skippable.values()) {
            if (answer.data.equals(data)) {
                return Optional.of(new Skip(answer));
            }
        }
        try {
            return Optional.ofNullable(read(data.split(SEPARATOR, -1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The callback of split button data, {@code null} if none has this shape. */
    private static Callback read(String[] parts) {
        String argument = parts.length > 1 ? parts[1] : "";
        if (parts.length == 2) {
            switch (parts[0]) {
                case "menu":
                    return Arrays.stream(MenuItem.values()).filter(item -> item.code.equals(argument)).findFirst()
                            .map(Menu::new).orElse(null);
                case "reg":
                    return argument.equals("start") ? new Register() : null;
                case "cpt":
                    return argument.equals("now") ? new Now() : null;
                case "tok":
                    return argument.equals("rotate") ? new Token(true) : argument.equals("issue") ? new Token(false) : null;
                case "cps":
                    return new PickStatus(ParcelStatus.valueOf(argument));
                case "open":
                    return new OpenParcel(trackNumber(argument));
                case "card":
                    return new BackToCard(trackNumber(argument));
                case "sub":
                    return new Subscribe(trackNumber(argument));
                case "unsub":
                    return new Unsubscribe(trackNumber(argument));
                case "subs":
                    return new SubscriptionsPage(page(argument));
                case "pl":
                    return new ParcelsPage(page(argument));
                case "pd":
                    return new OwnParcel(trackNumber(argument));
                case "whl":
                    return new WebhooksPage(page(argument));
                case "wh":
                    return new OpenWebhook(endpointId(argument));
                case "cp":
                    return new CheckpointFor(trackNumber(argument));
                case "del":
                    return new Delete(trackNumber(argument));
                case "delok":
                    return new ConfirmDelete(trackNumber(argument));
                case "delno":
                    return new KeepParcel(trackNumber(argument));
                default:
                    return null;
            }
        }
        if (parts.length == 3) {
            switch (parts[0]) {
                case "lu":
                    return new StopFollowing(trackNumber(argument), page(parts[2]));
                case "hist":
                    return new History(trackNumber(argument), page(parts[2]));
                case "ph":
                    return new OwnParcelHistory(trackNumber(argument), page(parts[2]));
                case "whd":
                    return new WebhookAttempts(endpointId(argument), page(parts[2]));
                default:
                    return null;
            }
        }
        return null;
    }

    /** Exactly a track number as our buttons write it: no blanks, upper case. */
    private static TrackNumber trackNumber(String text) {
        return TrackNumber.tryParse(text).filter(parsed -> parsed.value().equals(text))
                .orElseThrow(() -> new IllegalArgumentException("not a track number"));
    }

    /** Exactly an endpoint id as our buttons write it. */
    private static WebhookEndpointId endpointId(String text) {
        try {
            return WebhookEndpointId.parse("endpoint", text);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("not an endpoint id", e);
        }
    }

    private static int page(String text) {
        if (!text.matches("[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException("not a page number");
        }
        return Integer.parseInt(text);
    }

    /** The items of both bots' menus. */
    enum MenuItem {
        MAIN("main"), HELP("help"), FIND_PARCEL("check"), SUBSCRIPTIONS("subs"), ADD_PARCEL("add"),
        PARCELS("parcels"), ADD_CHECKPOINT("checkpoint"), TOKEN("token"), WEBHOOKS("hooks");

        final String code;

        MenuItem(String code) {
            this.code = code;
        }
    }

    /** Answers that may be left out, each with the data its "Skip" button has always carried. */
    enum Skippable {
        PHONE("reg:skip-phone"), COMPANY("reg:skip-company"), DESCRIPTION("skip:description"),
        PLACE("skip:place"), NOTE("skip:note");

        final String data;

        Skippable(String data) {
            this.data = data;
        }
    }

    record Menu(MenuItem item) implements Callback {
        public String data() {
            return "menu" + SEPARATOR + item.code;
        }
    }

    /** The manager bot's "Register" button. */
    record Register() implements Callback {
        public String data() {
            return "reg:start";
        }
    }

    record Skip(Skippable answer) implements Callback {
        public String data() {
            return answer.data;
        }
    }

    /** "The checkpoint happened now." */
    record Now() implements Callback {
        public String data() {
            return "cpt:now";
        }
    }

    /** The status of a new checkpoint; never {@code UNKNOWN}. */
    record PickStatus(ParcelStatus status) implements Callback {
        public PickStatus {
            if (!Arrays.asList(ParcelStatus.checkpointStatuses()).contains(status)) {
                throw new IllegalArgumentException("not a checkpoint status: " + status);
            }
        }

        public String data() {
            return "cps" + SEPARATOR + status.name();
        }
    }

    /** User bot: the parcel card. */
    record OpenParcel(TrackNumber parcel) implements Callback {
        public String data() {
            return join("open", parcel);
        }
    }

    /** User bot: back from a parcel's history to its card, in place. */
    record BackToCard(TrackNumber parcel) implements Callback {
        public String data() {
            return join("card", parcel);
        }
    }

    record Subscribe(TrackNumber parcel) implements Callback {
        public String data() {
            return join("sub", parcel);
        }
    }

    record Unsubscribe(TrackNumber parcel) implements Callback {
        public String data() {
            return join("unsub", parcel);
        }
    }

    record SubscriptionsPage(int page) implements Callback {
        public SubscriptionsPage {
            checkPage(page);
        }

        public String data() {
            return "subs" + SEPARATOR + page;
        }
    }

    /** Unsubscribing from the list of subscriptions, which stays on {@code page}. */
    record StopFollowing(TrackNumber parcel, int page) implements Callback {
        public StopFollowing {
            checkPage(page);
        }

        public String data() {
            return join("lu", parcel) + SEPARATOR + page;
        }
    }

    /** User bot: a page of a parcel's history. */
    record History(TrackNumber parcel, int page) implements Callback {
        public History {
            checkPage(page);
        }

        public String data() {
            return join("hist", parcel) + SEPARATOR + page;
        }
    }

    /** Manager bot: a page of the manager's parcels. */
    record ParcelsPage(int page) implements Callback {
        public ParcelsPage {
            checkPage(page);
        }

        public String data() {
            return "pl" + SEPARATOR + page;
        }
    }

    /** Manager bot: one of the manager's parcels with the first page of its history. */
    record OwnParcel(TrackNumber parcel) implements Callback {
        public String data() {
            return join("pd", parcel);
        }
    }

    /** Manager bot: a page of the history of one of the manager's parcels, in place. */
    record OwnParcelHistory(TrackNumber parcel, int page) implements Callback {
        public OwnParcelHistory {
            checkPage(page);
        }

        public String data() {
            return join("ph", parcel) + SEPARATOR + page;
        }
    }

    /** Manager bot: add a checkpoint to this parcel. */
    record CheckpointFor(TrackNumber parcel) implements Callback {
        public String data() {
            return join("cp", parcel);
        }
    }

    record Delete(TrackNumber parcel) implements Callback {
        public String data() {
            return join("del", parcel);
        }
    }

    record ConfirmDelete(TrackNumber parcel) implements Callback {
        public String data() {
            return join("delok", parcel);
        }
    }

    record KeepParcel(TrackNumber parcel) implements Callback {
        public String data() {
            return join("delno", parcel);
        }
    }

    /** Manager bot: a page of the manager's webhook endpoints. */
    record WebhooksPage(int page) implements Callback {
        public WebhooksPage {
            checkPage(page);
        }

        public String data() {
            return "whl" + SEPARATOR + page;
        }
    }

    /** Manager bot: one of the manager's webhook endpoints with its newest delivery attempts, as a new message. */
    record OpenWebhook(WebhookEndpointId endpoint) implements Callback {
        public OpenWebhook {
            Objects.requireNonNull(endpoint, "endpoint");
        }

        public String data() {
            return "wh" + SEPARATOR + endpoint;
        }
    }

    /** Manager bot: a page of an endpoint's recent delivery attempts, in place. */
    record WebhookAttempts(WebhookEndpointId endpoint, int page) implements Callback {
        public WebhookAttempts {
            Objects.requireNonNull(endpoint, "endpoint");
            checkPage(page);
        }

        public String data() {
            return "whd" + SEPARATOR + endpoint + SEPARATOR + page;
        }
    }

    /** Manager bot: issue a first API token, or rotate the one there is. */
    record Token(boolean rotate) implements Callback {
        public String data() {
            return rotate ? "tok:rotate" : "tok:issue";
        }
    }

    private static String join(String prefix, TrackNumber parcel) {
        return prefix + SEPARATOR + Objects.requireNonNull(parcel, "parcel").value();
    }

    private static void checkPage(int page) {
        if (page < 1 || page > PageRequest.MAX_PAGE) {
            throw new IllegalArgumentException("page out of range: " + page);
        }
    }
}
