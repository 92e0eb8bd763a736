package io.parceltrack.telegram.user;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.User;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.account.GetUserQuery;
import io.parceltrack.port.in.account.RegisterUserCommand;
import io.parceltrack.port.in.account.RegisterUserUseCase;
import io.parceltrack.port.in.user.UserParcelUseCases;
import io.parceltrack.telegram.chat.Answers;
import io.parceltrack.telegram.chat.Callback;
import io.parceltrack.telegram.chat.ConversationFlow;
import io.parceltrack.telegram.chat.Incoming;
import io.parceltrack.telegram.chat.OutgoingMessage;
import io.parceltrack.telegram.chat.Parsed;
import io.parceltrack.telegram.chat.Registration;
import io.parceltrack.telegram.chat.RegistrationStep;
import io.parceltrack.telegram.chat.StateFormat;
import io.parceltrack.telegram.chat.Turn;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import java.util.Optional;

/**
 * The user bot's dialogue: registration, the menu, looking parcels up by track number (typed at any
 * time, or from a {@code /start <track number>} deep link), the parcel card with its subscribe
 * toggle and history, and the list of subscriptions. Someone unregistered who opens a parcel sees
 * its public card and is led through registration back to it.
 */
final class UserConversation implements ConversationFlow<UserState> {
    private static final StateFormat<UserState> FORMAT = new UserStateFormat();

    private final GetUserQuery users;
    private final RegisterUserUseCase registration;
    private final UserScreens screens;
    private final SubscriptionButtons buttons;
    private final Registration dialogue = Registration.ofUsers();

    UserConversation(GetUserQuery users, RegisterUserUseCase registration, UserParcelUseCases parcels,
            UserScreens screens) {
        this.users = users;
        this.registration = registration;
        this.screens = screens;
        this.buttons = new SubscriptionButtons(parcels, screens);
    }

    @Override
    public StateFormat<UserState> stateFormat() {
        return FORMAT;
    }

    /** The state, once it is known whether the person is registered (the account service is asked once). */
    private UserState known(Turn<UserState> turn) {
        if (turn.state() instanceof UserState.Fresh) {
            boolean registered = users.isUserRegistered(turn.incoming().person());
            turn.moveTo(registered ? new UserState.Idle() : new UserState.Unregistered(null));
        }
        return turn.state();
    }

    @Override
    public void registerAgain(Turn<UserState> turn) {
        turn.moveTo(new UserState.Unregistered(null));
        beginRegistration(turn, null, turn.texts().phrase(Text.REGISTER_FIRST));
    }

    // ------------------------------------------------------------------ commands

    @Override
    public void onCommand(Turn<UserState> turn, Incoming.Command command, String typed) {
        UserState state = known(turn);
        Phrasebook texts = turn.texts();
        boolean registered = UserState.isRegistered(state);
        switch (command.name()) {
            case "start" -> {
                Optional<TrackNumber> linked = TrackNumber.tryParse(command.argument());
                if (linked.isPresent()) {
                    showParcel(turn, linked.get(), texts.phrase(Text.USER_GREETING));
                } else if (registered) {
                    User user = users.getUser(turn.incoming().person());
                    showMenu(turn, texts.phrase(Text.USER_GREETING_BACK, user.profile().fullName()));
                } else if (state instanceof UserState.Registering) {
                    prompt(turn, texts.phrase(Text.REGISTER_FIRST));
                } else {
                    beginRegistration(turn, null, texts.phrase(Text.USER_GREETING));
                }
            }
            case "menu" -> {
                if (registered) {
                    showMenu(turn, Markup.NONE);
                } else {
                    leadToRegistration(turn, texts.phrase(Text.REGISTER_FIRST));
                }
            }
            case "help" -> {
                if (registered) {
                    showMenu(turn, texts.phrase(Text.USER_HELP));
                } else {
                    leadToRegistration(turn, texts.phrase(Text.USER_HELP));
                }
            }
            case "cancel" -> {
                if (state instanceof UserState.Registering) {
                    turn.moveTo(new UserState.Unregistered(null));
                    turn.send(OutgoingMessage.of(texts.phrase(Text.REGISTRATION_STOPPED)));
                } else if (state instanceof UserState.AwaitingTrackNumber) {
                    showMenu(turn, texts.phrase(Text.CANCELLED));
                } else if (registered) {
                    showMenu(turn, texts.phrase(Text.NOTHING_TO_CANCEL));
                } else {
                    leadToRegistration(turn, texts.phrase(Text.NOTHING_TO_CANCEL));
                }
            }
            default -> prompt(turn, texts.phrase(Text.UNKNOWN_COMMAND, Answers.commandWord(typed)));
        }
    }

    // ------------------------------------------------------------------ typed text

    @Override
    public void onText(Turn<UserState> turn, String text) {
        UserState state = known(turn);
        Optional<TrackNumber> trackNumber = TrackNumber.tryParse(text);
        if (trackNumber.isPresent()) {
            showParcel(turn, trackNumber.get(), Markup.NONE);
        } else if (state instanceof UserState.Registering registering) {
            dialogue.proceed(turn, dialogue.answer(turn, registering.step(), text),
                    step -> new UserState.Registering(step, registering.parcel()),
                    profile -> register(turn, profile, registering.parcel()));
        } else if (state instanceof UserState.AwaitingTrackNumber) {
            Markup reason = Answers.read(turn, text, TrackNumber::parse) instanceof Parsed.Refused<TrackNumber> refused
                    ? refused.reason() : turn.texts().phrase(Text.PROBLEM_TRACK_NUMBER);
            prompt(turn, turn.texts().phrase(Text.FIX_AND_RETRY, reason));
        } else if (state instanceof UserState.Idle) {
            showMenu(turn, turn.texts().phrase(Text.USER_UNKNOWN_TEXT));
        } else {
            leadToRegistration(turn, turn.texts().phrase(Text.USER_GREETING));
        }
    }

    private void register(Turn<UserState> turn, Registration.Profile profile, TrackNumber parcel) {
        Phrasebook texts = turn.texts();
        TelegramId person = turn.incoming().person();
        Markup done;
        try {
            User user = registration.registerUser(new RegisterUserCommand(person, profile.person()));
            done = dialogue.summary(texts, user.profile(), Optional.empty());
        } catch (AlreadyExistsException e) {
            done = texts.phrase(Text.ALREADY_REGISTERED);
        } catch (InvalidInputException e) {
            // Answers were checked one by one; this only happens if the rules changed meanwhile.
            beginRegistration(turn, parcel, turn.problems().explainAll(e));
            return;
        }
        if (parcel == null) {
            showMenu(turn, done);
            return;
        }
        // Back to the parcel they opened before registering, now with its Subscribe button.
        turn.moveTo(new UserState.Idle());
        turn.send(OutgoingMessage.of(done));
        showParcel(turn, parcel, Markup.NONE);
    }

    // ------------------------------------------------------------------ button presses

    @Override
    public void onPress(Turn<UserState> turn, int messageId, Callback callback) {
        UserState state = known(turn);
        Phrasebook texts = turn.texts();
        if (callback instanceof Callback.Skip skip && state instanceof UserState.Registering registering) {
            Optional<Registration.Outcome> outcome = dialogue.skip(registering.step(), skip.answer());
            if (outcome.isPresent()) {
                turn.answerPress("");
                dialogue.proceed(turn, outcome.get(), step -> new UserState.Registering(step, registering.parcel()),
                        profile -> register(turn, profile, registering.parcel()));
                return;
            }
        }
        if (callback instanceof Callback.OpenParcel open) {
            openFromButton(turn, open.parcel());
        } else if (callback instanceof Callback.History history) {
            buttons.inPlace(turn, messageId, () -> screens.history(turn, history.parcel(), history.page()));
        } else if (callback instanceof Callback.BackToCard card) {
            buttons.inPlace(turn, messageId, () -> screens.card(turn, card.parcel(), UserState.isRegistered(state)));
        } else if (!UserState.isRegistered(state)) {
            if (callback instanceof Callback.Subscribe subscribe) {
                turn.answerPress(texts.plain(Text.REGISTER_FIRST));
                beginRegistration(turn, subscribe.parcel(), texts.phrase(Text.REGISTER_TO_SUBSCRIBE));
            } else if (callback instanceof Callback.Menu
                    || callback instanceof Callback.Unsubscribe || callback instanceof Callback.SubscriptionsPage
                    || callback instanceof Callback.StopFollowing) {
                turn.answerPress(texts.plain(Text.REGISTER_FIRST));
                leadToRegistration(turn, texts.phrase(Text.REGISTER_FIRST));
            } else {
                staleButton(turn);
            }
        } else if (callback instanceof Callback.Menu menu) {
            onMenu(turn, menu.item());
        } else if (!buttons.handle(turn, messageId, callback)) {
            staleButton(turn);
        }
    }

    private void onMenu(Turn<UserState> turn, Callback.MenuItem item) {
        Phrasebook texts = turn.texts();
        switch (item) {
            case FIND_PARCEL -> {
                turn.answerPress("");
                turn.moveTo(new UserState.AwaitingTrackNumber());
                prompt(turn, Markup.NONE);
            }
            case SUBSCRIPTIONS -> {
                turn.answerPress("");
                turn.moveTo(new UserState.Idle());
                turn.send(screens.subscriptions(turn, 1, Text.SUBSCRIPTIONS_EMPTY));
            }
            case HELP -> {
                turn.answerPress("");
                showMenu(turn, texts.phrase(Text.USER_HELP));
            }
            case MAIN -> {
                turn.answerPress("");
                showMenu(turn, Markup.NONE);
            }
            default -> staleButton(turn);
        }
    }

    private void openFromButton(Turn<UserState> turn, TrackNumber trackNumber) {
        try {
            OutgoingMessage card = screens.card(turn, trackNumber, UserState.isRegistered(turn.state()));
            turn.answerPress("");
            turn.send(card);
            if (!UserState.isRegistered(turn.state())) {
                beginRegistration(turn, trackNumber, turn.texts().phrase(Text.REGISTER_TO_SUBSCRIBE));
            }
        } catch (NotFoundException e) {
            // A list or notification with a parcel deleted since: say so on the button, keep the message.
            SubscriptionButtons.parcelGone(turn, e);
        }
    }

    // ------------------------------------------------------------------ what the bot shows

    /**
     * The card of a parcel someone asked for by track number. A registered person gets it with the
     * Subscribe button; anyone else gets the public card and is led into registration, to come back
     * to the parcel afterwards.
     */
    private void showParcel(Turn<UserState> turn, TrackNumber trackNumber, Markup greeting) {
        Phrasebook texts = turn.texts();
        boolean registered = UserState.isRegistered(turn.state());
        OutgoingMessage card;
        try {
            card = screens.card(turn, trackNumber, registered);
        } catch (NotFoundException e) {
            if (e.subject() != Subject.PARCEL) {
                throw e;
            }
            Markup notFound = texts.phrase(Text.PARCEL_NOT_FOUND, trackNumber.value());
            if (registered) {
                showMenu(turn, notFound);
            } else {
                leadToRegistration(turn, greeting.paragraph(notFound));
            }
            return;
        }
        turn.send(card);
        if (registered) {
            turn.moveTo(new UserState.Idle());
        } else {
            beginRegistration(turn, trackNumber, greeting.paragraph(texts.phrase(Text.REGISTER_TO_SUBSCRIBE)));
        }
    }

    /** Registration goes on at its current question, or begins, below {@code notice}; {@code parcel} is kept to return to. */
    private void beginRegistration(Turn<UserState> turn, TrackNumber parcel, Markup notice) {
        RegistrationStep step = dialogue.first();
        TrackNumber returnTo = parcel;
        if (turn.state() instanceof UserState.Registering registering) {
            step = registering.step();
            returnTo = parcel != null ? parcel : registering.parcel();
        } else if (turn.state() instanceof UserState.Unregistered unregistered && parcel == null) {
            returnTo = unregistered.parcel();
        }
        turn.moveTo(new UserState.Registering(step, returnTo));
        turn.send(dialogue.question(turn.texts(), step).withNotice(notice));
    }

    /** Someone unregistered is led into registration (or further along it), below {@code notice}. */
    private void leadToRegistration(Turn<UserState> turn, Markup notice) {
        if (turn.state() instanceof UserState.Registering) {
            prompt(turn, notice);
        } else {
            beginRegistration(turn, null, notice.paragraph(turn.texts().phrase(Text.REGISTER_FIRST)));
        }
    }

    @Override
    public void prompt(Turn<UserState> turn, Markup notice) {
        Phrasebook texts = turn.texts();
        UserState state = turn.state();
        if (state instanceof UserState.Registering registering) {
            turn.send(dialogue.question(texts, registering.step()).withNotice(notice));
        } else if (state instanceof UserState.AwaitingTrackNumber) {
            turn.send(OutgoingMessage.of(texts.phrase(Text.USER_ASK_TRACK_NUMBER))
                    .withRow(UserScreens.menuButton(texts)).withNotice(notice));
        } else if (state instanceof UserState.Idle) {
            turn.send(UserScreens.menu(texts).withNotice(notice));
        } else {
            // Someone unregistered is always led into registration.
            beginRegistration(turn, null, notice.isEmpty()
                    ? texts.phrase(Text.USER_GREETING).paragraph(texts.phrase(Text.REGISTER_FIRST)) : notice);
        }
    }

    private void showMenu(Turn<UserState> turn, Markup notice) {
        turn.moveTo(new UserState.Idle());
        turn.send(UserScreens.menu(turn.texts()).withNotice(notice));
    }
}
