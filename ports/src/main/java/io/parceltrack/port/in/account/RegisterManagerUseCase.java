package io.parceltrack.port.in.account;

import io.parceltrack.domain.account.Manager;

public interface RegisterManagerUseCase {
    /** @throws io.parceltrack.domain.error.AlreadyExistsException (MANAGER) if the id is registered already */
    Manager registerManager(RegisterManagerCommand command);
}
