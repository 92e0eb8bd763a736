package io.parceltrack.telegram.user;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.account.PhoneNumber;
import io.parceltrack.domain.account.User;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.account.GetUserQuery;
import io.parceltrack.port.in.account.RegisterUserCommand;
import io.parceltrack.port.in.account.RegisterUserUseCase;
import io.parceltrack.port.in.user.ParcelView;
import io.parceltrack.port.in.user.UserParcelUseCases;
import io.parceltrack.telegram.chat.Answers;
import io.parceltrack.telegram.chat.Button;
import io.parceltrack.telegram.chat.Conversation;
import io.parceltrack.telegram.chat.ConversationFlow;
import io.parceltrack.telegram.chat.Incoming;
import io.parceltrack.telegram.chat.OutgoingMessage;
import io.parceltrack.telegram.chat.RegistrationQuestions;
import io.parceltrack.telegram.chat.Turn;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.ParcelText;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The user bot's dialogue: registration (name, e-mail, optional phone), the menu, looking parcels
 * up by track number (typed at any time), the parcel card with its subscribe toggle, and the list
 * of subscriptions. Buttons that act on a parcel carry its track number, so they keep working in
 * any step and after a restart.
 */
final class UserConversation implements ConversationFlow {
    static final int CARD_CHECKPOINTS = 3;
    static final int SUBSCRIPTIONS_PAGE = 5;
    private static final Pattern LOOKS_LIKE_TRACK_NUMBER = Pattern.compile("\\s*[A-Za-z]{2}[0-9]{9}\\s*");

    enum Step { FRESH, NEW, REG_FULL_NAME, REG_EMAIL, REG_PHONE, IDLE, AWAIT_TRACK_NUMBER }

    private static final String FULL_NAME = "fullName";
    private static final String EMAIL = "email";

    private final GetUserQuery users;
    private final RegisterUserUseCase registration;
    private final UserParcelUseCases parcels;

    UserConversation(GetUserQuery users, RegisterUserUseCase registration, UserParcelUseCases parcels) {
        this.users = users;
        this.registration = registration;
        this.parcels = parcels;
    }

    @Override
    public void onCommand(Turn turn, String command, String typed) {
        command(turn, currentStep(turn), command, typed);
    }

    @Override
    public void onText(Turn turn, String text) {
        Step step = currentStep(turn);
        if (LOOKS_LIKE_TRACK_NUMBER.matcher(text).matches()) {
            showCard(turn, step, TrackNumber.parse(text));
        } else {
            answer(turn, step, text);
        }
    }

    @Override
    public void onPress(Turn turn, Incoming.Press press) {
        press(turn, currentStep(turn), press);
    }

    @Override
    public void registerAgain(Turn turn) {
        turn.conversation().startOver(Step.NEW);
        prompt(turn, turn.texts().phrase(Text.REGISTER_FIRST));
    }

    /** Where the conversation stands; a chat we know nothing about is asked of the account service. */
    private Step currentStep(Turn turn) {
        Conversation conversation = turn.conversation();
        Step step = conversation.step(Step.class, Step.FRESH);
        if (step == Step.FRESH) {
            step = users.isUserRegistered(turn.incoming().person()) ? Step.IDLE : Step.NEW;
            conversation.startOver(step);
        }
        return step;
    }

    private static boolean registered(Step step) {
        return step == Step.IDLE || step == Step.AWAIT_TRACK_NUMBER;
    }

    // ------------------------------------------------------------------ commands

    private void command(Turn turn, Step step, String command, String text) {
        Phrasebook texts = turn.texts();
        switch (command) {
            case "start" -> {
                if (registered(step)) {
                    User user = users.getUser(turn.incoming().person());
                    showMenu(turn, texts.phrase(Text.USER_GREETING_BACK, user.profile().fullName()));
                } else if (step == Step.NEW) {
                    turn.conversation().startOver(Step.REG_FULL_NAME);
                    turn.send(RegistrationQuestions.fullName(texts).withNotice(
                            texts.phrase(Text.USER_GREETING).paragraph(texts.phrase(Text.REGISTER_FIRST))));
                } else {
                    prompt(turn, texts.phrase(Text.REGISTER_FIRST));
                }
            }
            case "menu" -> {
                if (registered(step)) {
                    showMenu(turn, Markup.NONE);
                } else {
                    leadToRegistration(turn, step, texts.phrase(Text.REGISTER_FIRST));
                }
            }
            case "help" -> {
                if (registered(step)) {
                    showMenu(turn, texts.phrase(Text.USER_HELP));
                } else {
                    leadToRegistration(turn, step, texts.phrase(Text.USER_HELP));
                }
            }
            case "cancel" -> {
                switch (step) {
                    case REG_FULL_NAME, REG_EMAIL, REG_PHONE -> {
                        turn.conversation().startOver(Step.NEW);
                        turn.send(OutgoingMessage.of(texts.phrase(Text.REGISTRATION_STOPPED)));
                    }
                    case AWAIT_TRACK_NUMBER -> showMenu(turn, texts.phrase(Text.CANCELLED));
                    case IDLE -> showMenu(turn, texts.phrase(Text.NOTHING_TO_CANCEL));
                    default -> leadToRegistration(turn, step, texts.phrase(Text.NOTHING_TO_CANCEL));
                }
            }
            default -> prompt(turn, texts.phrase(Text.UNKNOWN_COMMAND, Answers.commandWord(text)));
        }
    }

    // ------------------------------------------------------------------ typed text

    private void answer(Turn turn, Step step, String text) {
        Phrasebook texts = turn.texts();
        Conversation conversation = turn.conversation();
        switch (step) {
            case NEW, FRESH -> leadToRegistration(turn, step, texts.phrase(Text.USER_GREETING));
            case REG_FULL_NAME -> {
                Optional<Markup> refusal = Answers.refusal(turn, text, () -> PersonProfile.FULL_NAME.require(text));
                if (refusal.isPresent()) {
                    prompt(turn, texts.phrase(Text.FIX_AND_RETRY, refusal.get()));
                } else {
                    conversation.put(FULL_NAME, PersonProfile.FULL_NAME.require(text));
                    conversation.moveTo(Step.REG_EMAIL);
                    turn.send(RegistrationQuestions.email(texts));
                }
            }
            case REG_EMAIL -> {
                Optional<Markup> refusal = Answers.refusal(turn, text, () -> Email.parse(text));
                if (refusal.isPresent()) {
                    prompt(turn, texts.phrase(Text.FIX_AND_RETRY, refusal.get()));
                } else {
                    conversation.put(EMAIL, Email.parse(text).value());
                    conversation.moveTo(Step.REG_PHONE);
                    turn.send(RegistrationQuestions.phone(texts));
                }
            }
            case REG_PHONE -> {
                Optional<Markup> refusal = Answers.refusal(turn, text, () -> PhoneNumber.parse(text));
                if (refusal.isPresent()) {
                    prompt(turn, texts.phrase(Text.FIX_AND_RETRY, refusal.get()));
                } else {
                    register(turn, PhoneNumber.parse(text).value());
                }
            }
            case AWAIT_TRACK_NUMBER -> {
                Optional<Markup> refusal = Answers.refusal(turn, text, () -> TrackNumber.parse(text));
                prompt(turn, texts.phrase(Text.FIX_AND_RETRY, refusal.orElse(texts.phrase(Text.PROBLEM_TRACK_NUMBER))));
            }
            case IDLE -> showMenu(turn, texts.phrase(Text.USER_UNKNOWN_TEXT));
        }
    }

    private void register(Turn turn, String phone) {
        Conversation conversation = turn.conversation();
        Phrasebook texts = turn.texts();
        TelegramId person = turn.incoming().person();
        try {
            User user = registration.registerUser(RegisterUserCommand.parse(person,
                    conversation.valueOr(FULL_NAME, ""), conversation.valueOr(EMAIL, ""), phone));
            showMenu(turn, RegistrationQuestions.summary(texts, user.profile(), Optional.empty(), false));
        } catch (AlreadyExistsException e) {
            showMenu(turn, texts.phrase(Text.ALREADY_REGISTERED));
        } catch (InvalidInputException e) {
            // Answers were checked one by one; this only happens if the rules changed meanwhile.
            conversation.startOver(Step.REG_FULL_NAME);
            turn.send(RegistrationQuestions.fullName(texts).withNotice(turn.problems().explainAll(e)));
        }
    }

    // ------------------------------------------------------------------ button presses

    private void press(Turn turn, Step step, Incoming.Press press) {
        Phrasebook texts = turn.texts();
        String[] parts = Answers.parts(press.data());
        String action = parts[0];
        if (press.data().equals(RegistrationQuestions.SKIP_PHONE) && step == Step.REG_PHONE) {
            turn.answerPress("");
            register(turn, null);
            return;
        }
        if (!registered(step) && List.of("menu", "sub", "unsub", "subs", "lu").contains(action)) {
            turn.answerPress(texts.plain(Text.REGISTER_FIRST));
            leadToRegistration(turn, step, texts.phrase(Text.REGISTER_FIRST));
            return;
        }
        Optional<TrackNumber> trackNumber = parts.length >= 2 ? Answers.trackNumber(parts[1]) : Optional.empty();
        Optional<Integer> page = parts.length >= 2 ? Answers.pageNumber(parts[parts.length - 1]) : Optional.empty();
        switch (action) {
            case "menu" -> {
                String item = parts.length == 2 ? parts[1] : "";
                switch (item) {
                    case "check" -> {
                        turn.answerPress("");
                        turn.conversation().startOver(Step.AWAIT_TRACK_NUMBER);
                        prompt(turn, Markup.NONE);
                    }
                    case "subs" -> {
                        turn.answerPress("");
                        turn.conversation().startOver(Step.IDLE);
                        turn.send(subscriptions(turn, 1));
                    }
                    case "help" -> {
                        turn.answerPress("");
                        showMenu(turn, texts.phrase(Text.USER_HELP));
                    }
                    case "main" -> {
                        turn.answerPress("");
                        showMenu(turn, Markup.NONE);
                    }
                    default -> stale(turn);
                }
            }
            case "open" -> {
                if (trackNumber.isEmpty() || parts.length != 2) {
                    stale(turn);
                } else {
                    turn.answerPress("");
                    showCard(turn, step, trackNumber.get());
                }
            }
            case "sub", "unsub" -> {
                if (trackNumber.isEmpty() || parts.length != 2) {
                    stale(turn);
                } else {
                    toggle(turn, press, trackNumber.get(), action.equals("sub"));
                }
            }
            case "subs" -> {
                if (page.isEmpty() || parts.length != 2) {
                    stale(turn);
                } else {
                    turn.answerPress("");
                    turn.edit(press.messageId(), subscriptions(turn, page.get()));
                }
            }
            case "lu" -> {
                if (trackNumber.isEmpty() || page.isEmpty() || parts.length != 3) {
                    stale(turn);
                } else {
                    stopFollowing(turn, press, trackNumber.get(), page.get());
                }
            }
            default -> stale(turn);
        }
    }

    private void toggle(Turn turn, Incoming.Press press, TrackNumber trackNumber, boolean subscribe) {
        Phrasebook texts = turn.texts();
        TelegramId person = turn.incoming().person();
        try {
            if (subscribe) {
                parcels.subscribe(person, trackNumber);
                turn.answerPress(texts.plain(Text.SUBSCRIBED));
            } else {
                parcels.unsubscribe(person, trackNumber);
                turn.answerPress(texts.plain(Text.UNSUBSCRIBED));
            }
        } catch (AlreadyExistsException e) {
            turn.answerPress(texts.plain(Text.ALREADY_SUBSCRIBED));
        } catch (NotFoundException e) {
            if (e.subject() != Subject.SUBSCRIPTION) {
                turn.answerPress(texts.plain(Text.PARCEL_GONE));
                turn.edit(press.messageId(), OutgoingMessage.of(texts.phrase(Text.PARCEL_GONE)));
                return;
            }
            turn.answerPress(texts.plain(Text.NOT_SUBSCRIBED));
        }
        turn.edit(press.messageId(), card(turn, true, trackNumber));
    }

    private void stopFollowing(Turn turn, Incoming.Press press, TrackNumber trackNumber, int page) {
        Phrasebook texts = turn.texts();
        try {
            parcels.unsubscribe(turn.incoming().person(), trackNumber);
            turn.answerPress(texts.plain(Text.UNSUBSCRIBED));
        } catch (NotFoundException e) {
            turn.answerPress(texts.plain(e.subject() == Subject.SUBSCRIPTION ? Text.NOT_SUBSCRIBED : Text.PARCEL_GONE));
        }
        turn.edit(press.messageId(), subscriptions(turn, page));
    }

    private void stale(Turn turn) {
        turn.answerPress(turn.texts().plain(Text.STALE_BUTTON_SHORT));
        prompt(turn, turn.texts().phrase(Text.STALE_BUTTON));
    }

    // ------------------------------------------------------------------ what the bot shows

    @Override
    public void prompt(Turn turn, Markup notice) {
        Phrasebook texts = turn.texts();
        Step step = turn.conversation().step(Step.class, Step.FRESH);
        OutgoingMessage question = switch (step) {
            case FRESH, NEW -> {
                // Someone unregistered is always led into registration.
                turn.conversation().startOver(Step.REG_FULL_NAME);
                yield RegistrationQuestions.fullName(texts)
                        .withNotice(texts.phrase(Text.USER_GREETING).paragraph(texts.phrase(Text.REGISTER_FIRST)));
            }
            case REG_FULL_NAME -> RegistrationQuestions.fullName(texts);
            case REG_EMAIL -> RegistrationQuestions.email(texts);
            case REG_PHONE -> RegistrationQuestions.phone(texts);
            case AWAIT_TRACK_NUMBER -> OutgoingMessage.of(texts.phrase(Text.USER_ASK_TRACK_NUMBER))
                    .withRow(new Button(texts.plain(Text.BUTTON_MENU), "menu:main"));
            case IDLE -> menu(texts);
        };
        turn.send(notice.isEmpty() ? question : question.withNotice(notice));
    }

    /** Registration starts (or goes on) with {@code notice} above the question. */
    private void leadToRegistration(Turn turn, Step step, Markup notice) {
        if (step == Step.NEW || step == Step.FRESH) {
            turn.conversation().startOver(Step.REG_FULL_NAME);
            Phrasebook texts = turn.texts();
            turn.send(RegistrationQuestions.fullName(texts).withNotice(notice.paragraph(texts.phrase(Text.REGISTER_FIRST))));
        } else {
            prompt(turn, notice);
        }
    }

    private void showMenu(Turn turn, Markup notice) {
        turn.conversation().startOver(Step.IDLE);
        OutgoingMessage menu = menu(turn.texts());
        turn.send(notice.isEmpty() ? menu : menu.withNotice(notice));
    }

    private static OutgoingMessage menu(Phrasebook texts) {
        return OutgoingMessage.of(texts.phrase(Text.USER_MENU))
                .withRow(new Button(texts.plain(Text.USER_BUTTON_CHECK), "menu:check"))
                .withRow(new Button(texts.plain(Text.USER_BUTTON_SUBSCRIPTIONS), "menu:subs"))
                .withRow(new Button(texts.plain(Text.BUTTON_HELP), "menu:help"));
    }

    private void showCard(Turn turn, Step step, TrackNumber trackNumber) {
        Phrasebook texts = turn.texts();
        boolean registered = registered(step);
        try {
            turn.send(card(turn, registered, trackNumber));
        } catch (NotFoundException e) {
            if (e.subject() != Subject.PARCEL) {
                throw e;
            }
            Markup notFound = texts.phrase(Text.PARCEL_NOT_FOUND, trackNumber.value());
            if (registered) {
                showMenu(turn, notFound);
            } else {
                prompt(turn, notFound);
            }
            return;
        }
        if (step == Step.AWAIT_TRACK_NUMBER) {
            turn.conversation().startOver(Step.IDLE);
        } else if (!registered) {
            prompt(turn, texts.phrase(Text.REGISTER_TO_SUBSCRIBE));
        }
    }

    /** The parcel card; the subscription toggle only for a registered person. */
    private OutgoingMessage card(Turn turn, boolean registered, TrackNumber trackNumber) {
        Phrasebook texts = turn.texts();
        ParcelText parcelText = new ParcelText(texts, turn.dates());
        ParcelView view = parcels.viewParcel(turn.incoming().person(), trackNumber);
        Markup text = parcelText.details(view.parcel()).paragraph(parcelText.checkpoints(
                texts.phrase(Text.CARD_CHECKPOINTS),
                parcels.listCheckpoints(trackNumber, PageRequest.first(CARD_CHECKPOINTS))));
        if (!registered) {
            return OutgoingMessage.of(text);
        }
        text = text.paragraph(texts.phrase(view.subscribed() ? Text.CARD_SUBSCRIBED : Text.CARD_NOT_SUBSCRIBED));
        String tn = trackNumber.value();
        return OutgoingMessage.of(text).withRow(view.subscribed()
                ? new Button(texts.plain(Text.BUTTON_UNSUBSCRIBE), "unsub:" + tn)
                : new Button(texts.plain(Text.BUTTON_SUBSCRIBE), "sub:" + tn));
    }

    private OutgoingMessage subscriptions(Turn turn, int requestedPage) {
        Phrasebook texts = turn.texts();
        ParcelText parcelText = new ParcelText(texts, turn.dates());
        TelegramId person = turn.incoming().person();
        int pageNumber = Math.max(1, requestedPage);
        Page<Parcel> page = parcels.listSubscriptions(person, new PageRequest(pageNumber, SUBSCRIPTIONS_PAGE));
        while (page.items().isEmpty() && pageNumber > 1) {
            pageNumber--;
            page = parcels.listSubscriptions(person, new PageRequest(pageNumber, SUBSCRIPTIONS_PAGE));
        }
        if (page.items().isEmpty()) {
            return OutgoingMessage.of(texts.phrase(Text.SUBSCRIPTIONS_EMPTY))
                    .withRow(new Button(texts.plain(Text.USER_BUTTON_CHECK), "menu:check"),
                            new Button(texts.plain(Text.BUTTON_MENU), "menu:main"));
        }
        List<Markup> lines = new ArrayList<>();
        lines.add(texts.phrase(Text.SUBSCRIPTIONS_TITLE, pageNumber));
        int number = (pageNumber - 1) * SUBSCRIPTIONS_PAGE;
        List<List<Button>> rows = new ArrayList<>();
        for (Parcel parcel : page.items()) {
            String tn = parcel.trackNumber().value();
            lines.add(texts.phrase(Text.SUBSCRIPTION_LINE, ++number, parcel.name(), tn,
                    parcelText.status(parcel.status())));
            rows.add(List.of(new Button(parcelText.label(parcel), "open:" + tn),
                    new Button(texts.plain(Text.BUTTON_STOP_FOLLOWING, tn), "lu:" + tn + ":" + pageNumber)));
        }
        List<Button> navigation = new ArrayList<>();
        if (pageNumber > 1) {
            navigation.add(new Button(texts.plain(Text.BUTTON_PREV), "subs:" + (pageNumber - 1)));
        }
        if (page.hasNext()) {
            navigation.add(new Button(texts.plain(Text.BUTTON_NEXT), "subs:" + (pageNumber + 1)));
        }
        rows.add(navigation);
        rows.add(List.of(new Button(texts.plain(Text.BUTTON_MENU), "menu:main")));
        return new OutgoingMessage(Markup.lines(lines), rows);
    }
}
