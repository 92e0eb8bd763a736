package io.parceltrack.port.in.account;

import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.domain.account.Manager;

/**
 * A manager set up from configuration rather than by a person (the demo manager of standalone
 * mode): registered if new, and holding exactly the given API token afterwards. Not offered over
 * any network API.
 */
public interface ProvisionManagerUseCase {
    /** Registers the manager unless registered, then makes {@code token} their only valid API token. */
    Manager provisionManager(RegisterManagerCommand command, ApiToken token);
}
