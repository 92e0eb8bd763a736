package io.parceltrack.port.in.account;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.Manager;
import java.util.Optional;

public interface GetManagerQuery {
    Optional<Manager> findManager(TelegramId id);

    /** @throws io.parceltrack.domain.error.NotFoundException (MANAGER) if nobody is registered under the id */
    Manager getManager(TelegramId id);

    boolean isManagerRegistered(TelegramId id);
}
