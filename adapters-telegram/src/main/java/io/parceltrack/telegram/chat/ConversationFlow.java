package io.parceltrack.telegram.chat;

import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.Text;
import java.util.Optional;

/**
 * A bot's dialogue. {@link BotRuntime} hands it every update of a chat, one at a time, with the
 * chat's state; the flow moves the state on and adds replies to the turn. Every update must get
 * at least one visible reply.
 *
 * @param <S> the bot's conversation states (a sealed interface of records)
 */
public interface ConversationFlow<S> {

    /** How the states are stored and read back. */
    StateFormat<S> stateFormat();

    /**
     * Routes what the person did to the handlers below; button data is read once, here, and data no
     * button of ours carries is answered as a stale button. A domain error or an
     * {@link io.parceltrack.port.out.UnavailableException} thrown from here is explained by the
     * runtime, which then calls {@link #prompt} on the state as it was before.
     */
    default void handle(Turn<S> turn) {
        Incoming incoming = turn.incoming();
        try {
            if (incoming instanceof Incoming.Message message) {
                Optional<Incoming.Command> command = message.command();
                if (command.isPresent()) {
                    onCommand(turn, command.get(), message.text());
                } else {
                    onText(turn, message.text());
                }
            } else if (incoming instanceof Incoming.Press press) {
                Optional<Callback> callback = Callback.parse(press.data());
                if (callback.isPresent()) {
                    onPress(turn, press.messageId(), callback.get());
                } else {
                    staleButton(turn);
                }
            } else {
                prompt(turn, turn.texts().phrase(Text.UNSUPPORTED_MESSAGE));
            }
        } catch (NotFoundException e) {
            if (e.subject() != Subject.USER && e.subject() != Subject.MANAGER) {
                throw e;
            }
            // The conversation outlived the account (e.g. the accounts store was reset).
            turn.discardReplies();
            registerAgain(turn);
        }
    }

    /** A command such as {@code /start}; {@code typed} is the whole text. */
    void onCommand(Turn<S> turn, Incoming.Command command, String typed);

    void onText(Turn<S> turn, String text);

    /** A press of one of our buttons under message {@code messageId}. */
    void onPress(Turn<S> turn, int messageId, Callback callback);

    /**
     * Shows the question of the current state again, below {@code notice} (which may be empty). Used
     * after a failure and for buttons of earlier steps.
     */
    void prompt(Turn<S> turn, Markup notice);

    /** Leads someone whose account has disappeared back into registration. */
    void registerAgain(Turn<S> turn);

    /** A button of an earlier step, or data none of our buttons carries. */
    default void staleButton(Turn<S> turn) {
        turn.answerPress(turn.texts().plain(Text.STALE_BUTTON_SHORT));
        prompt(turn, turn.texts().phrase(Text.STALE_BUTTON));
    }
}
