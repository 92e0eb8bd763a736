package io.parceltrack.telegram.manager;

import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.telegram.chat.Callback;
import io.parceltrack.telegram.chat.OutgoingMessage;
import io.parceltrack.telegram.chat.Turn;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;

/**
 * What the webhook buttons do: page the list of endpoints, open one, page its attempts. Paging
 * edits in place; opening from the list or from a notice sends the details anew. An endpoint
 * deleted since, or another manager's (a forged press), is said so on the pressed button.
 */
final class WebhookActions {
    private final WebhookScreens screens;

    WebhookActions(WebhookScreens screens) {
        this.screens = screens;
    }

    /** The list's first page, as a new message (menu, command). */
    void showList(Turn<ManagerState> turn) {
        OutgoingMessage list = screens.list(turn, 1);
        turn.answerPress("");
        turn.moveTo(new ManagerState.Idle());
        turn.send(list);
    }

    /** {@code false} if the callback is none of these. */
    boolean handle(Turn<ManagerState> turn, int messageId, Callback callback) {
        if (callback instanceof Callback.WebhooksPage page) {
            OutgoingMessage list = screens.list(turn, page.page());
            turn.answerPress("");
            turn.edit(messageId, list);
            return true;
        }
        WebhookEndpointId endpoint;
        int page;
        if (callback instanceof Callback.OpenWebhook open) {
            endpoint = open.endpoint();
            page = 1;
        } else if (callback instanceof Callback.WebhookAttempts attempts) {
            endpoint = attempts.endpoint();
            page = attempts.page();
        } else {
            return false;
        }
        boolean inPlace = callback instanceof Callback.WebhookAttempts;
        Phrasebook texts = turn.texts();
        try {
            OutgoingMessage details = screens.details(turn, endpoint, page);
            turn.answerPress("");
            if (inPlace) {
                turn.edit(messageId, details);
            } else {
                turn.send(details);
            }
        } catch (NotFoundException e) {
            if (e.subject() != Subject.WEBHOOK_ENDPOINT) {
                throw e;
            }
            turn.answerPress(texts.plain(Text.WEBHOOK_GONE));
            if (inPlace) {
                turn.edit(messageId, OutgoingMessage.of(texts.phrase(Text.WEBHOOK_GONE))
                        .withRow(WebhookScreens.backToWebhooks(texts), ManagerScreens.menuButton(texts)));
            }
        } catch (AccessDeniedException e) {
            turn.answerPress("");
            ManagerConversation.showMenu(turn, texts.phrase(Text.WEBHOOK_NOT_YOURS));
        }
        return true;
    }
}
