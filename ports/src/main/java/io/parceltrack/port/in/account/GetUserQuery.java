package io.parceltrack.port.in.account;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.User;
import java.util.Optional;

public interface GetUserQuery {
    Optional<User> findUser(TelegramId id);

    /** @throws io.parceltrack.domain.error.NotFoundException (USER) if nobody is registered under the id */
    User getUser(TelegramId id);

    /** The "auth" check the bots make before letting someone in. */
    boolean isUserRegistered(TelegramId id);
}
