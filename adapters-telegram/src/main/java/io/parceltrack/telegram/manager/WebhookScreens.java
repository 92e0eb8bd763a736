package io.parceltrack.telegram.manager;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.EndpointDisabledNotice;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookEndpointView;
import io.parceltrack.port.in.webhook.WebhookOverviewQuery;
import io.parceltrack.telegram.chat.Button;
import io.parceltrack.telegram.chat.Callback;
import io.parceltrack.telegram.chat.OutgoingMessage;
import io.parceltrack.telegram.chat.Pages;
import io.parceltrack.telegram.chat.Turn;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import io.parceltrack.telegram.text.WebhookText;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The manager's webhooks, read-only: the paged list of endpoints with their state, and an
 * endpoint's details with its recent delivery attempts, paged. Endpoints are registered through the
 * REST API, which the screens point to.
 */
final class WebhookScreens {
    static final int ENDPOINTS_PAGE = 5;
    static final int ATTEMPTS_PAGE = 5;
    /** Attempts a manager can page through: the newest this many. */
    static final int ATTEMPTS_SHOWN = 100;

    private final WebhookOverviewQuery webhooks;
    private final String restApiBase;

    WebhookScreens(WebhookOverviewQuery webhooks, URI restApiUrl) {
        this.webhooks = webhooks;
        this.restApiBase = restApiUrl.toString().replaceAll("/+$", "");
    }

    static Button backToWebhooks(Phrasebook texts) {
        return new Button(texts.plain(Text.BUTTON_BACK_TO_WEBHOOKS), new Callback.WebhooksPage(1));
    }

    /** One page of the manager's endpoints, oldest first; for a page past the end see {@link Pages}. */
    OutgoingMessage list(Turn<?> turn, int requestedPage) {
        Phrasebook texts = turn.texts();
        WebhookText webhookText = new WebhookText(texts, turn.dates());
        List<WebhookEndpointView> all = webhooks.listEndpointViews(turn.incoming().person());
        Page<WebhookEndpointView> page = Pages.load(requestedPage, number -> slice(all, number, ENDPOINTS_PAGE));
        Pages.noteIfAstray(turn, requestedPage, page);
        Markup howToAdd = texts.phrase(Text.WEBHOOKS_HOW_TO_ADD, restApiBase);
        if (page.items().isEmpty()) {
            return OutgoingMessage.of(texts.phrase(Text.WEBHOOKS_EMPTY).paragraph(howToAdd))
                    .withRow(ManagerScreens.menuButton(texts));
        }
        int pageNumber = page.request().page();
        List<Markup> lines = new ArrayList<>();
        lines.add(texts.phrase(Text.WEBHOOKS_TITLE, pageNumber));
        List<List<Button>> rows = new ArrayList<>();
        int number = (pageNumber - 1) * ENDPOINTS_PAGE;
        for (WebhookEndpointView endpoint : page.items()) {
            lines.add(texts.phrase(Text.WEBHOOK_LINE, ++number, WebhookText.shortAddress(endpoint.url()),
                    webhookText.health(endpoint.health())));
            rows.add(List.of(new Button(webhookText.label(endpoint), new Callback.OpenWebhook(endpoint.id()))));
        }
        List<Button> navigation = new ArrayList<>();
        if (pageNumber > 1) {
            navigation.add(new Button(texts.plain(Text.BUTTON_PREV), new Callback.WebhooksPage(pageNumber - 1)));
        }
        if (page.hasNext()) {
            navigation.add(new Button(texts.plain(Text.BUTTON_NEXT), new Callback.WebhooksPage(pageNumber + 1)));
        }
        rows.add(navigation);
        rows.add(List.of(ManagerScreens.menuButton(texts)));
        return new OutgoingMessage(Markup.lines(lines).paragraph(howToAdd), rows);
    }

    /**
     * An endpoint's details and one page of its recent attempts, newest first.
     *
     * @throws NotFoundException if the manager has no such endpoint (any more)
     */
    OutgoingMessage details(Turn<?> turn, WebhookEndpointId id, int requestedPage) {
        Phrasebook texts = turn.texts();
        WebhookText webhookText = new WebhookText(texts, turn.dates());
        TelegramId manager = turn.incoming().person();
        List<DeliveryAttempt> recent = webhooks.listDeliveries(manager, id, ATTEMPTS_SHOWN);
        WebhookEndpointView endpoint = webhooks.listEndpointViews(manager).stream()
                .filter(candidate -> candidate.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException(Subject.WEBHOOK_ENDPOINT, "no webhook endpoint " + id));
        Page<DeliveryAttempt> page = Pages.load(requestedPage, number -> slice(recent, number, ATTEMPTS_PAGE));
        Pages.noteIfAstray(turn, requestedPage, page);
        int shown = page.request().page();
        Markup attempts;
        if (page.items().isEmpty()) {
            attempts = texts.phrase(Text.WEBHOOK_ATTEMPTS_NONE);
        } else {
            List<Markup> lines = new ArrayList<>();
            lines.add(texts.phrase(Text.WEBHOOK_ATTEMPTS_TITLE, shown, turn.dates().utcOffset(turn.now())));
            page.items().forEach(attempt -> lines.add(webhookText.attempt(attempt)));
            attempts = Markup.lines(lines);
        }
        List<Button> navigation = new ArrayList<>();
        // Newest first, as in a parcel's history: the past on the left.
        if (page.hasNext()) {
            navigation.add(new Button(texts.plain(Text.BUTTON_OLDER), new Callback.WebhookAttempts(id, shown + 1)));
        }
        if (shown > 1) {
            navigation.add(new Button(texts.plain(Text.BUTTON_NEWER), new Callback.WebhookAttempts(id, shown - 1)));
        }
        return OutgoingMessage.of(webhookText.details(endpoint).paragraph(attempts))
                .withRow(navigation)
                .withRow(backToWebhooks(texts), ManagerScreens.menuButton(texts));
    }

    /** The message that tells a manager their endpoint was disabled, with a button to its details. */
    static OutgoingMessage disabledNotice(Phrasebook texts, EndpointDisabledNotice notice) {
        return OutgoingMessage.of(texts.phrase(Text.WEBHOOK_DISABLED_NOTICE, WebhookText.shortAddress(notice.url()),
                        WebhookText.cut(notice.reason(), WebhookText.MAX_ERROR)))
                .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_WEBHOOKS), new Callback.OpenWebhook(notice.endpoint())));
    }

    /** Page {@code number} of a short list held whole (at most {@value #ATTEMPTS_SHOWN} items). */
    private static <T> Page<T> slice(List<T> all, int number, int size) {
        PageRequest request = new PageRequest(number, size);
        long from = Math.min(request.offset(), all.size());
        int to = (int) Math.min(from + size, all.size());
        return new Page<>(all.subList((int) from, to), request, to < all.size());
    }
}
