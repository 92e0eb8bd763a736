package io.parceltrack.telegram.manager;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.ApiToken;
import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.account.PhoneNumber;
import io.parceltrack.domain.error.AccessDeniedException;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.ConflictException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.validation.FieldViolation;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.domain.validation.InstantRule;
import io.parceltrack.domain.validation.Violations;
import io.parceltrack.port.in.account.ApiTokenUseCase;
import io.parceltrack.port.in.account.GetManagerQuery;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.port.in.account.RegisterManagerUseCase;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The manager bot's dialogue: registration (name, e-mail, optional phone and company), the menu,
 * adding a parcel, adding a checkpoint, the parcel list with details and deletion, and the API token.
 */
final class ManagerConversation implements ConversationFlow {

    enum Step {
        FRESH, NEW, REG_FULL_NAME, REG_EMAIL, REG_PHONE, REG_COMPANY, IDLE,
        PARCEL_NAME, PARCEL_RECIPIENT, PARCEL_ADDRESS, PARCEL_FORECAST, PARCEL_DESCRIPTION,
        CHECKPOINT_PARCEL, CHECKPOINT_STATUS, CHECKPOINT_PLACE, CHECKPOINT_DESCRIPTION, CHECKPOINT_TIME;

        boolean registered() {
            return ordinal() >= IDLE.ordinal();
        }

        boolean registering() {
            return this == REG_FULL_NAME || this == REG_EMAIL || this == REG_PHONE || this == REG_COMPANY;
        }
    }

    private static final String FULL_NAME = "fullName";
    private static final String EMAIL = "email";
    private static final String PHONE = "phone";
    private static final String NAME = "name";
    private static final String RECIPIENT = "recipient";
    private static final String ADDRESS = "address";
    private static final String FORECAST = "forecast";
    private static final String TRACK_NUMBER = "trackNumber";
    private static final String PARCEL_NAME = "parcelName";
    private static final String PARCEL_STATUS = "parcelStatus";
    private static final String STATUS = "status";
    private static final String PLACE = "place";
    private static final String NOTE = "note";
    private static final String SKIP_DESCRIPTION = "skip:description";
    private static final String SKIP_PLACE = "skip:place";
    private static final String SKIP_NOTE = "skip:note";
    private static final String NOW = "cpt:now";

    private final GetManagerQuery managers;
    private final RegisterManagerUseCase registration;
    private final ApiTokenUseCase tokens;
    private final ManagerParcelUseCases parcels;
    private final ManagerScreens screens;

    ManagerConversation(GetManagerQuery managers, RegisterManagerUseCase registration, ApiTokenUseCase tokens,
            ManagerParcelUseCases parcels, ManagerScreens screens) {
        this.managers = managers;
        this.registration = registration;
        this.tokens = tokens;
        this.parcels = parcels;
        this.screens = screens;
    }

    @Override
    public void onCommand(Turn turn, String command, String typed) {
        command(turn, currentStep(turn), command, typed);
    }

    @Override
    public void onText(Turn turn, String text) {
        answer(turn, currentStep(turn), text);
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
            step = managers.isManagerRegistered(turn.incoming().person()) ? Step.IDLE : Step.NEW;
            conversation.startOver(step);
        }
        return step;
    }

    // ------------------------------------------------------------------ commands

    private void command(Turn turn, Step step, String command, String text) {
        Phrasebook texts = turn.texts();
        switch (command) {
            case "start" -> {
                if (step.registered()) {
                    Manager manager = managers.getManager(turn.incoming().person());
                    showMenu(turn, texts.phrase(Text.MANAGER_GREETING_BACK, manager.profile().fullName()));
                } else {
                    prompt(turn, step.registering() ? texts.phrase(Text.REGISTER_FIRST) : Markup.NONE);
                }
            }
            case "menu" -> {
                if (step.registered()) {
                    showMenu(turn, Markup.NONE);
                } else {
                    prompt(turn, texts.phrase(Text.REGISTER_FIRST));
                }
            }
            case "help" -> {
                if (step.registered()) {
                    showMenu(turn, texts.phrase(Text.MANAGER_HELP));
                } else {
                    prompt(turn, texts.phrase(Text.MANAGER_HELP));
                }
            }
            case "cancel" -> {
                if (step.registering()) {
                    turn.conversation().startOver(Step.NEW);
                    prompt(turn, texts.phrase(Text.REGISTRATION_STOPPED));
                } else if (step == Step.IDLE) {
                    showMenu(turn, texts.phrase(Text.NOTHING_TO_CANCEL));
                } else if (step.registered()) {
                    showMenu(turn, texts.phrase(Text.CANCELLED));
                } else {
                    prompt(turn, texts.phrase(Text.NOTHING_TO_CANCEL));
                }
            }
            default -> prompt(turn, texts.phrase(Text.UNKNOWN_COMMAND, Answers.commandWord(text)));
        }
    }

    // ------------------------------------------------------------------ typed answers

    private void answer(Turn turn, Step step, String text) {
        Phrasebook texts = turn.texts();
        Conversation conversation = turn.conversation();
        switch (step) {
            case FRESH, NEW -> prompt(turn, Markup.NONE);
            case IDLE -> showMenu(turn, texts.phrase(Text.MANAGER_UNKNOWN_TEXT));
            case REG_FULL_NAME -> accept(turn, text, () -> PersonProfile.FULL_NAME.require(text), FULL_NAME, Step.REG_EMAIL);
            case REG_EMAIL -> accept(turn, text, () -> Email.parse(text).value(), EMAIL, Step.REG_PHONE);
            case REG_PHONE -> accept(turn, text, () -> PhoneNumber.parse(text).value(), PHONE, Step.REG_COMPANY);
            case REG_COMPANY -> {
                Optional<Markup> refusal = Answers.refusal(turn, text, () -> Manager.COMPANY.require(text));
                if (refusal.isPresent()) {
                    prompt(turn, texts.phrase(Text.FIX_AND_RETRY, refusal.get()));
                } else {
                    register(turn, Manager.COMPANY.require(text));
                }
            }
            case PARCEL_NAME -> accept(turn, text, () -> ParcelDetails.NAME.require(text), NAME, Step.PARCEL_RECIPIENT);
            case PARCEL_RECIPIENT ->
                    accept(turn, text, () -> ParcelDetails.RECIPIENT.require(text), RECIPIENT, Step.PARCEL_ADDRESS);
            case PARCEL_ADDRESS ->
                    accept(turn, text, () -> ParcelDetails.ARRIVAL_ADDRESS.require(text), ADDRESS, Step.PARCEL_FORECAST);
            case PARCEL_FORECAST -> accept(turn, text,
                    () -> Long.toString(typedInstant(turn, text, ParcelDetails.FORECAST_DATE).toEpochMilli()),
                    FORECAST, Step.PARCEL_DESCRIPTION);
            case PARCEL_DESCRIPTION -> {
                Optional<Markup> refusal = Answers.refusal(turn, text, () -> ParcelDetails.DESCRIPTION.require(text));
                if (refusal.isPresent()) {
                    prompt(turn, texts.phrase(Text.FIX_AND_RETRY, refusal.get()));
                } else {
                    createParcel(turn, ParcelDetails.DESCRIPTION.require(text));
                }
            }
            case CHECKPOINT_PARCEL -> {
                Optional<Markup> refusal = Answers.refusal(turn, text, () -> TrackNumber.parse(text));
                if (refusal.isPresent()) {
                    prompt(turn, texts.phrase(Text.FIX_AND_RETRY, refusal.get()));
                } else {
                    chooseParcel(turn, TrackNumber.parse(text));
                }
            }
            case CHECKPOINT_STATUS -> prompt(turn, texts.phrase(Text.FIX_AND_RETRY, texts.phrase(Text.PROBLEM_STATUS)));
            case CHECKPOINT_PLACE -> accept(turn, text, () -> Checkpoint.PLACE.require(text), PLACE,
                    Step.CHECKPOINT_DESCRIPTION);
            case CHECKPOINT_DESCRIPTION -> accept(turn, text, () -> Checkpoint.DESCRIPTION.require(text), NOTE,
                    Step.CHECKPOINT_TIME);
            case CHECKPOINT_TIME -> {
                Optional<Markup> refusal = Answers.refusal(turn, text, () -> typedInstant(turn, text, Checkpoint.TIME));
                if (refusal.isPresent()) {
                    prompt(turn, texts.phrase(Text.FIX_AND_RETRY, refusal.get()));
                } else {
                    recordCheckpoint(turn, typedInstant(turn, text, Checkpoint.TIME));
                }
            }
        }
    }

    /** Stores a checked answer and asks the next question, or asks again saying why not. */
    private void accept(Turn turn, String text, Supplier<String> check, String key, Step next) {
        Optional<Markup> refusal = Answers.refusal(turn, text, check);
        if (refusal.isPresent()) {
            prompt(turn, turn.texts().phrase(Text.FIX_AND_RETRY, refusal.get()));
            return;
        }
        turn.conversation().put(key, check.get());
        turn.conversation().moveTo(next);
        prompt(turn, Markup.NONE);
    }

    private static Instant typedInstant(Turn turn, String text, InstantRule rule) {
        Instant instant = turn.dates().parse(text, rule.field());
        Violations violations = new Violations();
        rule.check(instant, violations);
        violations.throwIfAny();
        return instant;
    }

    // ------------------------------------------------------------------ finishing a dialogue

    private void register(Turn turn, String company) {
        Conversation conversation = turn.conversation();
        Phrasebook texts = turn.texts();
        try {
            Manager manager = registration.registerManager(RegisterManagerCommand.parse(turn.incoming().person(),
                    conversation.valueOr(FULL_NAME, ""), conversation.valueOr(EMAIL, ""),
                    conversation.valueOr(PHONE, null), company));
            showMenu(turn, RegistrationQuestions.summary(texts, manager.profile(), manager.companyName(), true));
        } catch (AlreadyExistsException e) {
            showMenu(turn, texts.phrase(Text.ALREADY_REGISTERED));
        } catch (InvalidInputException e) {
            conversation.startOver(Step.REG_FULL_NAME);
            prompt(turn, turn.problems().explainAll(e));
        }
    }

    private void createParcel(Turn turn, String description) {
        Conversation conversation = turn.conversation();
        Phrasebook texts = turn.texts();
        try {
            ParcelDetails details = new ParcelDetails(conversation.valueOr(NAME, ""),
                    conversation.valueOr(RECIPIENT, ""), conversation.valueOr(ADDRESS, ""),
                    Instant.ofEpochMilli(Long.parseLong(conversation.valueOr(FORECAST, "0"))), description);
            Parcel parcel = parcels.addParcel(new AddParcelCommand(turn.incoming().person(), details));
            conversation.startOver(Step.IDLE);
            String tn = parcel.trackNumber().value();
            turn.send(OutgoingMessage.of(texts.phrase(Text.PARCEL_CREATED, tn)
                            .paragraph(new ParcelText(texts, turn.dates()).details(parcel)))
                    .withRow(new Button(texts.plain(Text.MANAGER_BUTTON_ADD_CHECKPOINT), "cp:" + tn),
                            ManagerScreens.menuButton(texts)));
        } catch (InvalidInputException e) {
            conversation.startOver(Step.PARCEL_NAME);
            prompt(turn, turn.problems().explainAll(e));
        }
    }

    /** The parcel a checkpoint is for: it must be the manager's own and not finished. */
    private void chooseParcel(Turn turn, TrackNumber trackNumber) {
        Phrasebook texts = turn.texts();
        Conversation conversation = turn.conversation();
        Parcel parcel;
        try {
            parcel = parcels.getOwnParcel(turn.incoming().person(), trackNumber);
        } catch (NotFoundException e) {
            conversation.startOver(Step.CHECKPOINT_PARCEL);
            prompt(turn, texts.phrase(Text.PARCEL_NOT_FOUND, trackNumber.value()));
            return;
        } catch (AccessDeniedException e) {
            conversation.startOver(Step.CHECKPOINT_PARCEL);
            prompt(turn, texts.phrase(Text.NOT_YOUR_PARCEL, trackNumber.value()));
            return;
        }
        ParcelText parcelText = new ParcelText(texts, turn.dates());
        if (parcel.status().isFinal()) {
            conversation.startOver(Step.CHECKPOINT_PARCEL);
            prompt(turn, texts.phrase(Text.CHECKPOINT_PARCEL_FINAL, trackNumber.value(),
                    parcelText.status(parcel.status())));
            return;
        }
        conversation.startOver(Step.CHECKPOINT_STATUS);
        conversation.put(TRACK_NUMBER, trackNumber.value());
        conversation.put(PARCEL_NAME, parcel.name());
        conversation.put(PARCEL_STATUS, parcel.status().name());
        prompt(turn, Markup.NONE);
    }

    private void recordCheckpoint(Turn turn, Instant time) {
        Conversation conversation = turn.conversation();
        Phrasebook texts = turn.texts();
        TrackNumber trackNumber = TrackNumber.parse(conversation.valueOr(TRACK_NUMBER, ""));
        ParcelStatus status = ParcelStatus.parse(Checkpoint.STATUS_FIELD, conversation.valueOr(STATUS, ""));
        try {
            Checkpoint checkpoint = new Checkpoint(time, conversation.valueOr(PLACE, ""),
                    conversation.valueOr(NOTE, ""), status);
            Parcel parcel = parcels.addCheckpoint(new AddCheckpointCommand(turn.incoming().person(), trackNumber,
                    checkpoint));
            showMenu(turn, texts.phrase(Text.CHECKPOINT_ADDED, parcel.name(), trackNumber.value(),
                    new ParcelText(texts, turn.dates()).status(parcel.status())));
        } catch (InvalidInputException e) {
            FieldViolation violation = e.violations().get(0);
            boolean tooFarAhead = violation.field().equals(Checkpoint.TIME.field())
                    && violation.kind() == Kind.OUT_OF_RANGE;
            conversation.moveTo(Step.CHECKPOINT_TIME);
            prompt(turn, texts.phrase(Text.FIX_AND_RETRY, tooFarAhead
                    ? texts.phrase(Text.PROBLEM_CHECKPOINT_FUTURE) : turn.problems().explainAll(e)));
        } catch (ConflictException e) {
            showMenu(turn, texts.phrase(Text.CHECKPOINT_REFUSED_FINAL));
        } catch (NotFoundException e) {
            showMenu(turn, texts.phrase(Text.PARCEL_GONE));
        } catch (AccessDeniedException e) {
            showMenu(turn, texts.phrase(Text.NOT_YOUR_PARCEL, trackNumber.value()));
        }
    }

    // ------------------------------------------------------------------ button presses

    private void press(Turn turn, Step step, Incoming.Press press) {
        Phrasebook texts = turn.texts();
        String data = press.data();
        String[] parts = Answers.parts(data);
        String action = parts[0];
        if (!step.registered()) {
            onPressWhileUnregistered(turn, step, data);
            return;
        }
        Optional<TrackNumber> trackNumber = parts.length >= 2 ? Answers.trackNumber(parts[1]) : Optional.empty();
        Optional<Integer> page = parts.length >= 2 ? Answers.pageNumber(parts[parts.length - 1]) : Optional.empty();
        if (data.equals(SKIP_DESCRIPTION) && step == Step.PARCEL_DESCRIPTION) {
            turn.answerPress("");
            createParcel(turn, "");
        } else if (data.equals(SKIP_PLACE) && step == Step.CHECKPOINT_PLACE) {
            turn.answerPress("");
            turn.conversation().put(PLACE, "");
            turn.conversation().moveTo(Step.CHECKPOINT_DESCRIPTION);
            prompt(turn, Markup.NONE);
        } else if (data.equals(SKIP_NOTE) && step == Step.CHECKPOINT_DESCRIPTION) {
            turn.answerPress("");
            turn.conversation().put(NOTE, "");
            turn.conversation().moveTo(Step.CHECKPOINT_TIME);
            prompt(turn, Markup.NONE);
        } else if (data.equals(NOW) && step == Step.CHECKPOINT_TIME) {
            turn.answerPress("");
            recordCheckpoint(turn, turn.now());
        } else if (action.equals("cps") && parts.length == 2 && step == Step.CHECKPOINT_STATUS
                && isCheckpointStatus(parts[1])) {
            turn.answerPress("");
            turn.conversation().put(STATUS, parts[1]);
            turn.conversation().moveTo(Step.CHECKPOINT_PLACE);
            prompt(turn, Markup.NONE);
        } else if (action.equals("menu") && parts.length == 2) {
            onMenu(turn, parts[1]);
        } else if (parts.length == 2 && trackNumber.isPresent() && List.of("pd", "cp", "del", "delok", "delno")
                .contains(action)) {
            onParcelAction(turn, press, action, trackNumber.get(), 1);
        } else if (action.equals("pl") && parts.length == 2 && page.isPresent()) {
            turn.answerPress("");
            turn.edit(press.messageId(), screens.parcelList(turn, page.get()));
        } else if (action.equals("ph") && parts.length == 3 && trackNumber.isPresent() && page.isPresent()) {
            onParcelAction(turn, press, action, trackNumber.get(), page.get());
        } else if (action.equals("tok") && parts.length == 2 && List.of("issue", "rotate").contains(parts[1])) {
            onToken(turn, parts[1].equals("issue"));
        } else {
            stale(turn);
        }
    }

    private void onPressWhileUnregistered(Turn turn, Step step, String data) {
        Phrasebook texts = turn.texts();
        if (data.equals("reg:start") && (step == Step.NEW || step == Step.FRESH)) {
            turn.answerPress("");
            turn.conversation().startOver(Step.REG_FULL_NAME);
            prompt(turn, Markup.NONE);
        } else if (data.equals(RegistrationQuestions.SKIP_PHONE) && step == Step.REG_PHONE) {
            turn.answerPress("");
            turn.conversation().put(PHONE, null);
            turn.conversation().moveTo(Step.REG_COMPANY);
            prompt(turn, Markup.NONE);
        } else if (data.equals(RegistrationQuestions.SKIP_COMPANY) && step == Step.REG_COMPANY) {
            turn.answerPress("");
            register(turn, null);
        } else if (data.equals("menu:help")) {
            turn.answerPress("");
            prompt(turn, texts.phrase(Text.MANAGER_HELP));
        } else if (data.startsWith("reg:")) {
            stale(turn);
        } else {
            turn.answerPress(texts.plain(Text.REGISTER_FIRST));
            prompt(turn, texts.phrase(Text.REGISTER_FIRST));
        }
    }

    private void onMenu(Turn turn, String item) {
        Phrasebook texts = turn.texts();
        Conversation conversation = turn.conversation();
        switch (item) {
            case "add" -> {
                turn.answerPress("");
                conversation.startOver(Step.PARCEL_NAME);
                prompt(turn, Markup.NONE);
            }
            case "parcels" -> {
                turn.answerPress("");
                conversation.startOver(Step.IDLE);
                turn.send(screens.parcelList(turn, 1));
            }
            case "checkpoint" -> {
                turn.answerPress("");
                conversation.startOver(Step.CHECKPOINT_PARCEL);
                prompt(turn, Markup.NONE);
            }
            case "token" -> {
                turn.answerPress("");
                conversation.startOver(Step.IDLE);
                turn.send(screens.tokenScreen(texts, managers.getManager(turn.incoming().person()), turn));
            }
            case "help" -> {
                turn.answerPress("");
                showMenu(turn, texts.phrase(Text.MANAGER_HELP));
            }
            case "main" -> {
                turn.answerPress("");
                showMenu(turn, Markup.NONE);
            }
            default -> stale(turn);
        }
    }

    /** Something done to one parcel from a button; {@code page} is the history page to show. */
    private void onParcelAction(Turn turn, Incoming.Press press, String action, TrackNumber trackNumber, int page) {
        Phrasebook texts = turn.texts();
        try {
            switch (action) {
                case "pd" -> {
                    turn.answerPress("");
                    turn.send(screens.details(turn, trackNumber, 1));
                }
                case "ph" -> {
                    OutgoingMessage details = screens.details(turn, trackNumber, page);
                    turn.answerPress("");
                    turn.edit(press.messageId(), details);
                }
                case "cp" -> {
                    turn.answerPress("");
                    chooseParcel(turn, trackNumber);
                }
                case "del" -> {
                    turn.answerPress("");
                    turn.edit(press.messageId(), screens.deleteConfirmation(turn, trackNumber));
                }
                case "delok" -> {
                    parcels.deleteParcel(turn.incoming().person(), trackNumber);
                    turn.answerPress("");
                    turn.edit(press.messageId(), screens.deleted(texts, trackNumber));
                }
                default -> {
                    turn.answerPress(texts.plain(Text.DELETE_KEPT));
                    turn.edit(press.messageId(), screens.details(turn, trackNumber, 1));
                }
            }
        } catch (NotFoundException e) {
            turn.answerPress(texts.plain(Text.PARCEL_GONE));
            turn.edit(press.messageId(), OutgoingMessage.of(texts.phrase(Text.PARCEL_GONE))
                    .withRow(new Button(texts.plain(Text.BUTTON_BACK_TO_LIST), "pl:1"),
                            ManagerScreens.menuButton(texts)));
        } catch (AccessDeniedException e) {
            turn.answerPress("");
            showMenu(turn, texts.phrase(Text.NOT_YOUR_PARCEL, trackNumber.value()));
        }
    }

    private void onToken(Turn turn, boolean issue) {
        Phrasebook texts = turn.texts();
        TelegramId manager = turn.incoming().person();
        turn.conversation().startOver(Step.IDLE);
        try {
            ApiToken token = issue ? tokens.issueApiToken(manager) : tokens.rotateApiToken(manager);
            turn.answerPress("");
            turn.send(screens.tokenShown(texts, token));
        } catch (AlreadyExistsException e) {
            turn.answerPress(texts.plain(Text.TOKEN_ALREADY_ISSUED));
            turn.send(screens.tokenScreen(texts, managers.getManager(manager), turn)
                    .withNotice(texts.phrase(Text.TOKEN_ALREADY_ISSUED)));
        } catch (NotFoundException e) {
            if (e.subject() != Subject.API_TOKEN) {
                throw e;
            }
            turn.answerPress(texts.plain(Text.TOKEN_MISSING));
            turn.send(screens.tokenScreen(texts, managers.getManager(manager), turn)
                    .withNotice(texts.phrase(Text.TOKEN_MISSING)));
        }
    }

    private void stale(Turn turn) {
        turn.answerPress(turn.texts().plain(Text.STALE_BUTTON_SHORT));
        prompt(turn, turn.texts().phrase(Text.STALE_BUTTON));
    }

    // ------------------------------------------------------------------ questions

    @Override
    public void prompt(Turn turn, Markup notice) {
        Phrasebook texts = turn.texts();
        Conversation conversation = turn.conversation();
        String example = turn.dates().example(turn.now());
        String zone = turn.dates().zone().getId();
        OutgoingMessage question = switch (conversation.step(Step.class, Step.FRESH)) {
            case FRESH, NEW -> OutgoingMessage.of(texts.phrase(Text.MANAGER_GREETING))
                    .withRow(new Button(texts.plain(Text.BUTTON_REGISTER), "reg:start"))
                    .withRow(new Button(texts.plain(Text.BUTTON_HELP), "menu:help"));
            case REG_FULL_NAME -> RegistrationQuestions.fullName(texts);
            case REG_EMAIL -> RegistrationQuestions.email(texts);
            case REG_PHONE -> RegistrationQuestions.phone(texts);
            case REG_COMPANY -> RegistrationQuestions.company(texts);
            case IDLE -> ManagerScreens.menu(texts);
            case PARCEL_NAME -> OutgoingMessage.of(texts.phrase(Text.PARCEL_ASK_NAME));
            case PARCEL_RECIPIENT -> OutgoingMessage.of(texts.phrase(Text.PARCEL_ASK_RECIPIENT));
            case PARCEL_ADDRESS -> OutgoingMessage.of(texts.phrase(Text.PARCEL_ASK_ADDRESS));
            case PARCEL_FORECAST -> OutgoingMessage.of(texts.phrase(Text.PARCEL_ASK_FORECAST, example, zone));
            case PARCEL_DESCRIPTION -> OutgoingMessage.of(texts.phrase(Text.PARCEL_ASK_DESCRIPTION))
                    .withRow(new Button(texts.plain(Text.BUTTON_SKIP), SKIP_DESCRIPTION));
            case CHECKPOINT_PARCEL -> screens.pickParcel(turn);
            case CHECKPOINT_STATUS -> statusQuestion(turn);
            case CHECKPOINT_PLACE -> OutgoingMessage.of(texts.phrase(Text.CHECKPOINT_ASK_PLACE))
                    .withRow(new Button(texts.plain(Text.BUTTON_SKIP), SKIP_PLACE));
            case CHECKPOINT_DESCRIPTION -> OutgoingMessage.of(texts.phrase(Text.CHECKPOINT_ASK_DESCRIPTION))
                    .withRow(new Button(texts.plain(Text.BUTTON_SKIP), SKIP_NOTE));
            case CHECKPOINT_TIME -> OutgoingMessage.of(texts.phrase(Text.CHECKPOINT_ASK_TIME, example, zone))
                    .withRow(new Button(texts.plain(Text.BUTTON_NOW), NOW));
        };
        turn.send(notice.isEmpty() ? question : question.withNotice(notice));
    }

    private OutgoingMessage statusQuestion(Turn turn) {
        Phrasebook texts = turn.texts();
        Conversation conversation = turn.conversation();
        ParcelText parcelText = new ParcelText(texts, turn.dates());
        ParcelStatus current = isCheckpointStatus(conversation.valueOr(PARCEL_STATUS, ""))
                ? ParcelStatus.valueOf(conversation.valueOr(PARCEL_STATUS, "")) : ParcelStatus.UNKNOWN;
        OutgoingMessage question = OutgoingMessage.of(texts.phrase(Text.CHECKPOINT_ASK_STATUS,
                conversation.valueOr(PARCEL_NAME, ""), conversation.valueOr(TRACK_NUMBER, ""),
                parcelText.status(current)));
        List<Button> statuses = Arrays.stream(ParcelStatus.checkpointStatuses())
                .map(status -> new Button(parcelText.status(status), "cps:" + status.name())).toList();
        return question.withRow(statuses.subList(0, 2)).withRow(statuses.subList(2, statuses.size()));
    }

    private void showMenu(Turn turn, Markup notice) {
        turn.conversation().startOver(Step.IDLE);
        OutgoingMessage menu = ManagerScreens.menu(turn.texts());
        turn.send(notice.isEmpty() ? menu : menu.withNotice(notice));
    }

    private static boolean isCheckpointStatus(String name) {
        return Arrays.stream(ParcelStatus.checkpointStatuses()).anyMatch(status -> status.name().equals(name));
    }
}
