package io.parceltrack.port.in.account;

import io.parceltrack.domain.TelegramId;

public interface AuthenticateApiTokenUseCase {
    /**
     * The manager holding the presented token (as sent by the client, untrusted).
     *
     * @throws io.parceltrack.domain.error.UnauthenticatedException if absent, malformed or unknown
     */
    TelegramId authenticate(String presentedToken);
}
