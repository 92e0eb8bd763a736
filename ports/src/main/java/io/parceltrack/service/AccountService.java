package io.parceltrack.service;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.User;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.error.UnauthenticatedException;
import io.parceltrack.port.in.account.AccountUseCases;
import io.parceltrack.port.in.account.ProvisionManagerUseCase;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.port.in.account.RegisterUserCommand;
import io.parceltrack.port.out.ManagerStore;
import io.parceltrack.port.out.UserStore;
import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Users, managers and managers' API tokens. */
public final class AccountService implements AccountUseCases, ProvisionManagerUseCase {
    private final UserStore users;
    private final ManagerStore managers;
    private final Clock clock;
    private final RandomGenerator secureRandom;

    public AccountService(UserStore users, ManagerStore managers, Clock clock, RandomGenerator secureRandom) {
        this.users = users;
        this.managers = managers;
        this.clock = clock;
        this.secureRandom = secureRandom;
    }

    @Override
    public User registerUser(RegisterUserCommand command) {
        User user = new User(command.id(), command.profile(), clock.instant());
        users.addUser(user);
        return user;
    }

    @Override
    public Optional<User> findUser(TelegramId id) {
        return users.findUser(id);
    }

    @Override
    public User getUser(TelegramId id) {
        return users.findUser(id)
                .orElseThrow(() -> new NotFoundException(Subject.USER, "no user is registered with id " + id));
    }

    @Override
    public boolean isUserRegistered(TelegramId id) {
        return users.findUser(id).isPresent();
    }

    @Override
    public Manager registerManager(RegisterManagerCommand command) {
        Manager manager = new Manager(command.id(), command.profile(), command.company(), clock.instant(), null);
        managers.addManager(manager);
        return manager;
    }

    @Override
    public Optional<Manager> findManager(TelegramId id) {
        return managers.findManager(id);
    }

    @Override
    public Manager getManager(TelegramId id) {
        return managers.findManager(id)
                .orElseThrow(() -> new NotFoundException(Subject.MANAGER, "no manager is registered with id " + id));
    }

    @Override
    public boolean isManagerRegistered(TelegramId id) {
        return managers.findManager(id).isPresent();
    }

    @Override
    public ApiToken issueApiToken(TelegramId manager) {
        getManager(manager);
        ApiToken token = ApiToken.generate(secureRandom);
        if (!managers.setFirstApiToken(manager, token.hash(), clock.instant())) {
            throw new AlreadyExistsException(Subject.API_TOKEN,
                    "manager " + manager + " already has an API token; rotate it to get a new one");
        }
        return token;
    }

    @Override
    public ApiToken rotateApiToken(TelegramId manager) {
        getManager(manager);
        ApiToken token = ApiToken.generate(secureRandom);
        if (!managers.replaceApiToken(manager, token.hash(), clock.instant())) {
            throw new NotFoundException(Subject.API_TOKEN,
                    "manager " + manager + " has no API token to rotate; issue one first");
        }
        return token;
    }

    @Override
    public Manager provisionManager(RegisterManagerCommand command, ApiToken token) {
        TelegramId id = command.id();
        if (!isManagerRegistered(id)) {
            try {
                registerManager(command);
            } catch (AlreadyExistsException registeredMeanwhile) {
                // Another instance provisioned the same manager first; the token is set below all the same.
            }
        }
        if (!managers.setFirstApiToken(id, token.hash(), clock.instant())) {
            managers.replaceApiToken(id, token.hash(), clock.instant());
        }
        return getManager(id);
    }

    @Override
    public TelegramId authenticate(String presentedToken) {
        ApiToken token = ApiToken.parse(presentedToken)
                .orElseThrow(() -> new UnauthenticatedException("missing or malformed API token"));
        var presentedHash = token.hash();
        return managers.findApiTokenHolder(presentedHash)
                .filter(holder -> holder.storedHash().matches(presentedHash))
                .map(ManagerStore.ApiTokenHolder::manager)
                .orElseThrow(() -> new UnauthenticatedException("unknown API token"));
    }
}
