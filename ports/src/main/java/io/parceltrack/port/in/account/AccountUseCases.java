package io.parceltrack.port.in.account;

/** Everything the account service offers, for adapters that expose or call all of it. */
public interface AccountUseCases
        extends RegisterUserUseCase, GetUserQuery, RegisterManagerUseCase, GetManagerQuery,
                ApiTokenUseCase, AuthenticateApiTokenUseCase {}
