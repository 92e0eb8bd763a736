package io.parceltrack.telegram.manager;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.port.in.account.ApiTokenUseCase;
import io.parceltrack.port.in.account.GetManagerQuery;
import io.parceltrack.telegram.chat.Turn;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;

/**
 * The API token buttons: issue a first token or rotate the one there is, and show it once. An old
 * Issue button pressed when a token exists (or Rotate when none does) shows the screen that fits.
 */
final class TokenActions {
    private final GetManagerQuery managers;
    private final ApiTokenUseCase tokens;
    private final ManagerScreens screens;

    TokenActions(GetManagerQuery managers, ApiTokenUseCase tokens, ManagerScreens screens) {
        this.managers = managers;
        this.tokens = tokens;
        this.screens = screens;
    }

    void press(Turn<ManagerState> turn, boolean rotate) {
        Phrasebook texts = turn.texts();
        TelegramId manager = turn.incoming().person();
        turn.moveTo(new ManagerState.Idle());
        try {
            ApiToken token = rotate ? tokens.rotateApiToken(manager) : tokens.issueApiToken(manager);
            turn.answerPress("");
            turn.send(screens.tokenShown(texts, token));
        } catch (AlreadyExistsException e) {
            turn.answerPress(texts.plain(Text.TOKEN_ALREADY_ISSUED));
            turn.send(screens.tokenScreen(turn, managers.getManager(manager))
                    .withNotice(texts.phrase(Text.TOKEN_ALREADY_ISSUED)));
        } catch (NotFoundException e) {
            if (e.subject() != Subject.API_TOKEN) {
                throw e;
            }
            turn.answerPress(texts.plain(Text.TOKEN_MISSING));
            turn.send(screens.tokenScreen(turn, managers.getManager(manager))
                    .withNotice(texts.phrase(Text.TOKEN_MISSING)));
        }
    }
}
