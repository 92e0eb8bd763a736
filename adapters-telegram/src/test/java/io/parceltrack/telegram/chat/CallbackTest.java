package io.parceltrack.telegram.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackTest {
    private static final TrackNumber TN = new TrackNumber("VF834349180");
    private static final WebhookEndpointId ENDPOINT = WebhookEndpointId.parse("id", "ep_" + "0123456789abcdef".repeat(2));

    private static List<Callback> everyKind() {
        List<Callback> all = new ArrayList<>();
        for (Callback.MenuItem item : Callback.MenuItem.values()) {
            all.add(new Callback.Menu(item));
        }
        for (Callback.Skippable answer : Callback.Skippable.values()) {
            all.add(new Callback.Skip(answer));
        }
        for (ParcelStatus status : ParcelStatus.checkpointStatuses()) {
            all.add(new Callback.PickStatus(status));
        }
        all.addAll(List.of(new Callback.Register(), new Callback.Now(), new Callback.OpenParcel(TN),
                new Callback.BackToCard(TN), new Callback.Subscribe(TN), new Callback.Unsubscribe(TN),
                new Callback.SubscriptionsPage(PageRequest.MAX_PAGE), new Callback.StopFollowing(TN, 3),
                new Callback.History(TN, 99), new Callback.ParcelsPage(2), new Callback.OwnParcel(TN),
                new Callback.OwnParcelHistory(TN, PageRequest.MAX_PAGE), new Callback.CheckpointFor(TN),
                new Callback.Delete(TN), new Callback.ConfirmDelete(TN), new Callback.KeepParcel(TN),
                new Callback.Token(false), new Callback.Token(true), new Callback.WebhooksPage(PageRequest.MAX_PAGE),
                new Callback.OpenWebhook(ENDPOINT), new Callback.WebhookAttempts(ENDPOINT, PageRequest.MAX_PAGE)));
        return all;
    }

    @Test
    void readsBackWhatItWritesWithinTelegramsSixtyFourBytes() {
        List<Callback> all = everyKind();

        for (Callback callback : all) {
            assertThat(Callback.parse(callback.data())).as(callback.data()).contains(callback);
            assertThat(callback.data().getBytes(StandardCharsets.UTF_8).length).isBetween(1, 64);
        }
        assertThat(all.stream().map(Callback::data).distinct()).hasSameSizeAs(all);
    }

    @Test
    void readsTheButtonsOfChatsWrittenBeforeTheCodecAsBefore() {
        assertThat(Callback.parse("reg:skip-phone")).contains(new Callback.Skip(Callback.Skippable.PHONE));
        assertThat(Callback.parse("skip:description")).contains(new Callback.Skip(Callback.Skippable.DESCRIPTION));
        assertThat(Callback.parse("cpt:now")).contains(new Callback.Now());
        assertThat(Callback.parse("cps:IN_TRANSIT")).contains(new Callback.PickStatus(ParcelStatus.IN_TRANSIT));
        assertThat(Callback.parse("lu:VF834349180:2")).contains(new Callback.StopFollowing(TN, 2));
        assertThat(Callback.parse("ph:VF834349180:3")).contains(new Callback.OwnParcelHistory(TN, 3));
        assertThat(Callback.parse("delok:VF834349180")).contains(new Callback.ConfirmDelete(TN));
        assertThat(Callback.parse("menu:checkpoint")).contains(new Callback.Menu(Callback.MenuItem.ADD_CHECKPOINT));
        assertThat(Callback.parse("tok:rotate")).contains(new Callback.Token(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "menu:", "menu:nope", "menu:add:extra", "sub:", "sub:XX", "sub:vf834349180",
            "sub: VF834349180", "subs:0", "subs:-1", "subs:abc", "subs:100001", "subs:99999999999", "subs:007",
            "lu::", "lu:VF834349180", "pl:0", "ph:x:y", "cps:UNKNOWN", "cps:", "cps:in_transit", "reg:", "tok:",
            ":::", "Ω≈ç√∫", "<b>", "&amp;", "open:VF834349180:1", "hist:VF834349180:0", "card:", "whl:0", "whl:",
            "wh:", "wh:ep_", "wh:ep_0123456789ABCDEF0123456789ABCDEF", "wh:ep_0123456789abcdef0123456789abcde",
            "wh:VF834349180", "whd:ep_0123456789abcdef0123456789abcdef", "whd:ep_0123456789abcdef0123456789abcdef:0",
            "whd:ep_0123456789abcdef0123456789abcdef:100001", "whd:VF834349180:1", "menu:webhooks"})
    void refusesDataNoButtonOfOursCarries(String data) {
        assertThat(Callback.parse(data)).isEmpty();
    }

    @Test
    void refusesTooLongDataAndNullWithoutLookingFurther() {
        assertThat(Callback.parse("sub:" + "A".repeat(100))).isEmpty();
        assertThat(Callback.parse(null)).isEmpty();
    }

    @Test
    void cannotBuildAButtonForAPageThatCannotExist() {
        assertThatThrownBy(() -> new Callback.History(TN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Callback.ParcelsPage(PageRequest.MAX_PAGE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Callback.PickStatus(ParcelStatus.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
    }
}
