package io.parceltrack.port.in.account;

import io.parceltrack.domain.account.User;

public interface RegisterUserUseCase {
    /** @throws io.parceltrack.domain.error.AlreadyExistsException (USER) if the id is registered already */
    User registerUser(RegisterUserCommand command);
}
