package io.parceltrack.telegram.chat;

import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.Text;
import java.util.Optional;

/**
 * A bot's state machine. {@link BotRuntime} hands it every update of a chat, one at a time, with
 * the chat's conversation; the flow changes the conversation and adds replies to the turn. Every
 * update must get at least one visible reply.
 */
public interface ConversationFlow {

    /**
     * Routes what the person did to the handlers below. A domain error or an
     * {@link io.parceltrack.port.out.UnavailableException} thrown from here is explained by the
     * runtime, which then calls {@link #prompt} on the conversation as it was before.
     */
    default void handle(Turn turn) {
        Incoming incoming = turn.incoming();
        try {
            if (incoming instanceof Incoming.Message message) {
                Optional<String> command = message.command();
                if (command.isPresent()) {
                    onCommand(turn, command.get(), message.text());
                } else {
                    onText(turn, message.text());
                }
            } else if (incoming instanceof Incoming.Press press) {
                onPress(turn, press);
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

    /** A command such as {@code /start}: {@code command} is its lower-case name, {@code typed} the whole text. */
    void onCommand(Turn turn, String command, String typed);

    void onText(Turn turn, String text);

    void onPress(Turn turn, Incoming.Press press);

    /**
     * Shows the question of the current step again, below {@code notice} (which may be empty). Used
     * after a failure and for buttons of earlier steps.
     */
    void prompt(Turn turn, Markup notice);

    /** Leads someone whose account has disappeared back into registration. */
    void registerAgain(Turn turn);
}
