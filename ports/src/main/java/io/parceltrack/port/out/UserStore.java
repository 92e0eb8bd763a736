package io.parceltrack.port.out;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.User;
import java.util.Optional;

/** Registered recipients. */
public interface UserStore {
    /** @throws io.parceltrack.domain.error.AlreadyExistsException (USER) if the id is taken */
    void addUser(User user);

    Optional<User> findUser(TelegramId id);
}
