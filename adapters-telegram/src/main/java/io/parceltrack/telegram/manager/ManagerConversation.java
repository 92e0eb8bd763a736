package io.parceltrack.telegram.manager;

import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.error.AlreadyExistsException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.port.in.account.ApiTokenUseCase;
import io.parceltrack.port.in.account.GetManagerQuery;
import io.parceltrack.port.in.account.RegisterManagerCommand;
import io.parceltrack.port.in.account.RegisterManagerUseCase;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.telegram.chat.Answers;
import io.parceltrack.telegram.chat.Button;
import io.parceltrack.telegram.chat.Callback;
import io.parceltrack.telegram.chat.ConversationFlow;
import io.parceltrack.telegram.chat.Incoming;
import io.parceltrack.telegram.chat.OutgoingMessage;
import io.parceltrack.telegram.chat.Registration;
import io.parceltrack.telegram.chat.StateFormat;
import io.parceltrack.telegram.chat.Turn;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import java.util.Optional;

/**
 * The manager bot's dialogue: registration, the menu, adding a parcel ({@link ParcelDialogue}),
 * adding a checkpoint ({@link CheckpointDialogue}), the parcel list with details and deletion
 * ({@link ParcelActions}), the API token ({@link TokenActions}) and the webhooks, read-only
 * ({@link WebhookActions}). This class routes what the person does to the part that answers it.
 */
final class ManagerConversation implements ConversationFlow<ManagerState> {
    private static final StateFormat<ManagerState> FORMAT = new ManagerStateFormat();

    private final GetManagerQuery managers;
    private final RegisterManagerUseCase registration;
    private final ManagerScreens screens;
    private final ParcelDialogue parcelDialogue;
    private final CheckpointDialogue checkpointDialogue;
    private final ParcelActions parcelActions;
    private final TokenActions tokenActions;
    private final WebhookActions webhookActions;
    private final Registration dialogue = Registration.ofManagers();

    ManagerConversation(GetManagerQuery managers, RegisterManagerUseCase registration, ApiTokenUseCase tokens,
            ManagerParcelUseCases parcels, ManagerScreens screens, WebhookScreens webhookScreens) {
        this.managers = managers;
        this.registration = registration;
        this.screens = screens;
        this.parcelDialogue = new ParcelDialogue(parcels, screens);
        this.checkpointDialogue = new CheckpointDialogue(parcels, screens);
        this.parcelActions = new ParcelActions(parcels, screens, checkpointDialogue);
        this.tokenActions = new TokenActions(managers, tokens, screens);
        this.webhookActions = new WebhookActions(webhookScreens);
    }

    @Override
    public StateFormat<ManagerState> stateFormat() {
        return FORMAT;
    }

    /** The state, once it is known whether the person is registered (the account service is asked once). */
    private ManagerState known(Turn<ManagerState> turn) {
        if (turn.state() instanceof ManagerState.Fresh) {
            boolean registered = managers.isManagerRegistered(turn.incoming().person());
            turn.moveTo(registered ? new ManagerState.Idle() : new ManagerState.Unregistered());
        }
        return turn.state();
    }

    @Override
    public void registerAgain(Turn<ManagerState> turn) {
        turn.moveTo(new ManagerState.Unregistered());
        prompt(turn, turn.texts().phrase(Text.REGISTER_FIRST));
    }

    // ------------------------------------------------------------------ commands

    @Override
    public void onCommand(Turn<ManagerState> turn, Incoming.Command command, String typed) {
        ManagerState state = known(turn);
        Phrasebook texts = turn.texts();
        boolean registered = ManagerState.isRegistered(state);
        boolean registering = state instanceof ManagerState.Registering;
        switch (command.name()) {
            case "start" -> {
                if (registered) {
                    Manager manager = managers.getManager(turn.incoming().person());
                    showMenu(turn, texts.phrase(Text.MANAGER_GREETING_BACK, manager.profile().fullName()));
                } else {
                    prompt(turn, registering ? texts.phrase(Text.REGISTER_FIRST) : Markup.NONE);
                }
            }
            case "menu" -> {
                if (registered) {
                    showMenu(turn, Markup.NONE);
                } else {
                    prompt(turn, texts.phrase(Text.REGISTER_FIRST));
                }
            }
            case "help" -> {
                if (registered) {
                    showMenu(turn, texts.phrase(Text.MANAGER_HELP));
                } else {
                    prompt(turn, texts.phrase(Text.MANAGER_HELP));
                }
            }
            case "cancel" -> {
                if (registering) {
                    turn.moveTo(new ManagerState.Unregistered());
                    prompt(turn, texts.phrase(Text.REGISTRATION_STOPPED));
                } else if (state instanceof ManagerState.Idle) {
                    showMenu(turn, texts.phrase(Text.NOTHING_TO_CANCEL));
                } else if (registered) {
                    showMenu(turn, texts.phrase(Text.CANCELLED));
                } else {
                    prompt(turn, texts.phrase(Text.NOTHING_TO_CANCEL));
                }
            }
            case "webhooks" -> {
                if (registered) {
                    webhookActions.showList(turn);
                } else {
                    prompt(turn, texts.phrase(Text.REGISTER_FIRST));
                }
            }
            default -> prompt(turn, texts.phrase(Text.UNKNOWN_COMMAND, Answers.commandWord(typed)));
        }
    }

    // ------------------------------------------------------------------ typed answers

    @Override
    public void onText(Turn<ManagerState> turn, String text) {
        ManagerState state = known(turn);
        if (state instanceof ManagerState.Registering registering) {
            dialogue.proceed(turn, dialogue.answer(turn, registering.step(), text), ManagerState.Registering::new,
                    profile -> register(turn, profile));
        } else if (state instanceof ManagerState.AddingParcel step) {
            parcelDialogue.answer(turn, step, text);
        } else if (state instanceof ManagerState.AddingCheckpoint step) {
            checkpointDialogue.answer(turn, step, text);
        } else if (state instanceof ManagerState.Idle) {
            showMenu(turn, turn.texts().phrase(Text.MANAGER_UNKNOWN_TEXT));
        } else {
            prompt(turn, Markup.NONE);
        }
    }

    private void register(Turn<ManagerState> turn, Registration.Profile profile) {
        Phrasebook texts = turn.texts();
        try {
            Manager manager = registration.registerManager(
                    new RegisterManagerCommand(turn.incoming().person(), profile.person(), profile.company()));
            showMenu(turn, dialogue.summary(texts, manager.profile(), manager.companyName()));
        } catch (AlreadyExistsException e) {
            showMenu(turn, texts.phrase(Text.ALREADY_REGISTERED));
        } catch (InvalidInputException e) {
            turn.moveTo(new ManagerState.Registering(dialogue.first()));
            prompt(turn, turn.problems().explainAll(e));
        }
    }

    // ------------------------------------------------------------------ button presses

    @Override
    public void onPress(Turn<ManagerState> turn, int messageId, Callback callback) {
        ManagerState state = known(turn);
        if (!ManagerState.isRegistered(state)) {
            onPressWhileUnregistered(turn, state, callback);
        } else if (state instanceof ManagerState.AddingParcel step && parcelDialogue.press(turn, step, callback)) {
            return;
        } else if (state instanceof ManagerState.AddingCheckpoint step
                && checkpointDialogue.press(turn, step, callback)) {
            return;
        } else if (callback instanceof Callback.Menu menu) {
            onMenu(turn, menu.item());
        } else if (callback instanceof Callback.ParcelsPage page) {
            OutgoingMessage list = screens.parcelList(turn, page.page());
            turn.answerPress("");
            turn.edit(messageId, list);
        } else if (callback instanceof Callback.Token token) {
            tokenActions.press(turn, token.rotate());
        } else if (!parcelActions.handle(turn, messageId, callback)
                && !webhookActions.handle(turn, messageId, callback)) {
            staleButton(turn);
        }
    }

    private void onPressWhileUnregistered(Turn<ManagerState> turn, ManagerState state, Callback callback) {
        Phrasebook texts = turn.texts();
        if (callback instanceof Callback.Register && state instanceof ManagerState.Unregistered) {
            turn.answerPress("");
            turn.moveTo(new ManagerState.Registering(dialogue.first()));
            prompt(turn, Markup.NONE);
            return;
        }
        if (callback instanceof Callback.Skip skip && state instanceof ManagerState.Registering registering) {
            Optional<Registration.Outcome> outcome = dialogue.skip(registering.step(), skip.answer());
            if (outcome.isPresent()) {
                turn.answerPress("");
                dialogue.proceed(turn, outcome.get(), ManagerState.Registering::new, profile -> register(turn, profile));
                return;
            }
        }
        if (callback instanceof Callback.Menu menu && menu.item() == Callback.MenuItem.HELP) {
            turn.answerPress("");
            prompt(turn, texts.phrase(Text.MANAGER_HELP));
        } else if (callback instanceof Callback.Register || callback instanceof Callback.Skip) {
            staleButton(turn);
        } else {
            turn.answerPress(texts.plain(Text.REGISTER_FIRST));
            prompt(turn, texts.phrase(Text.REGISTER_FIRST));
        }
    }

    private void onMenu(Turn<ManagerState> turn, Callback.MenuItem item) {
        Phrasebook texts = turn.texts();
        switch (item) {
            case ADD_PARCEL -> {
                turn.answerPress("");
                parcelDialogue.start(turn);
            }
            case PARCELS -> {
                OutgoingMessage list = screens.parcelList(turn, 1);
                turn.answerPress("");
                turn.moveTo(new ManagerState.Idle());
                turn.send(list);
            }
            case ADD_CHECKPOINT -> {
                turn.answerPress("");
                checkpointDialogue.start(turn);
            }
            case TOKEN -> {
                turn.answerPress("");
                turn.moveTo(new ManagerState.Idle());
                turn.send(screens.tokenScreen(turn, managers.getManager(turn.incoming().person())));
            }
            case WEBHOOKS -> webhookActions.showList(turn);
            case HELP -> {
                turn.answerPress("");
                showMenu(turn, texts.phrase(Text.MANAGER_HELP));
            }
            case MAIN -> {
                turn.answerPress("");
                showMenu(turn, Markup.NONE);
            }
            default -> staleButton(turn);
        }
    }

    // ------------------------------------------------------------------ questions

    @Override
    public void prompt(Turn<ManagerState> turn, Markup notice) {
        Phrasebook texts = turn.texts();
        ManagerState state = turn.state();
        OutgoingMessage question;
        if (state instanceof ManagerState.Registering registering) {
            question = dialogue.question(texts, registering.step());
        } else if (state instanceof ManagerState.AddingParcel step) {
            question = parcelDialogue.question(turn, step);
        } else if (state instanceof ManagerState.AddingCheckpoint step) {
            question = checkpointDialogue.question(turn, step);
        } else if (state instanceof ManagerState.Idle) {
            question = ManagerScreens.menu(texts);
        } else {
            question = OutgoingMessage.of(texts.phrase(Text.MANAGER_GREETING))
                    .withRow(new Button(texts.plain(Text.BUTTON_REGISTER), new Callback.Register()))
                    .withRow(new Button(texts.plain(Text.BUTTON_HELP), ManagerScreens.menuItem(Callback.MenuItem.HELP)));
        }
        turn.send(question.withNotice(notice));
    }

    /** The menu below {@code notice}; whatever dialogue was going on is over. */
    static void showMenu(Turn<ManagerState> turn, Markup notice) {
        turn.moveTo(new ManagerState.Idle());
        turn.send(ManagerScreens.menu(turn.texts()).withNotice(notice));
    }
}
