package io.parceltrack.port.in.account;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;

/** A manager's REST API token. The returned token is the only time its clear text exists. */
public interface ApiTokenUseCase {
    /**
     * First token of a manager.
     *
     * @throws io.parceltrack.domain.error.NotFoundException (MANAGER) for an unknown manager
     * @throws io.parceltrack.domain.error.AlreadyExistsException (API_TOKEN) if one exists: rotate it instead
     */
    ApiToken issueApiToken(TelegramId manager);

    /**
     * A new token replacing the current one, which stops working at once.
     *
     * @throws io.parceltrack.domain.error.NotFoundException (MANAGER) for an unknown manager,
     *     (API_TOKEN) if the manager has no token yet
     */
    ApiToken rotateApiToken(TelegramId manager);
}
