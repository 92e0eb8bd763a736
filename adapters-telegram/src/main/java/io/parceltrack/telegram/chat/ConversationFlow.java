package io.parceltrack.telegram.chat;

import io.parceltrack.telegram.text.Markup;

/**
 * A bot's state machine. {@link BotRuntime} hands it every update of a chat, one at a time, with
 * the chat's conversation; the flow changes the conversation and adds replies to the turn.
 */
public interface ConversationFlow {

    /**
     * Handles what the person did. Every update must get at least one visible reply. A domain error
     * or an {@link io.parceltrack.port.out.UnavailableException} thrown from here is explained by
     * the runtime, which then calls {@link #prompt} on the conversation as it was before.
     */
    void handle(Turn turn);

    /**
     * Shows the question of the current step again, below {@code notice} (which may be empty). Used
     * after a failure and for buttons of earlier steps.
     */
    void prompt(Turn turn, Markup notice);
}
