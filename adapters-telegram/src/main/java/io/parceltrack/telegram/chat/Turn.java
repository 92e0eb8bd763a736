package io.parceltrack.telegram.chat;

import io.parceltrack.telegram.Language;
import io.parceltrack.telegram.text.BotDates;
import io.parceltrack.telegram.text.InputProblems;
import io.parceltrack.telegram.text.Phrasebook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One update being handled: what the person did, their conversation (changed in place), the
 * phrases of their language, and the replies collected so far.
 */
public final class Turn {
    private final Incoming incoming;
    private final Conversation conversation;
    private final Phrasebook texts;
    private final BotDates dates;
    private final Instant now;
    private final List<Reply> replies = new ArrayList<>();

    Turn(Incoming incoming, Conversation conversation, Phrasebook texts, BotDates dates, Instant now) {
        this.incoming = incoming;
        this.conversation = conversation;
        this.texts = texts;
        this.dates = dates;
        this.now = now;
    }

    public Incoming incoming() {
        return incoming;
    }

    public Conversation conversation() {
        return conversation;
    }

    public Phrasebook texts() {
        return texts;
    }

    public Language language() {
        return texts.language();
    }

    public BotDates dates() {
        return dates;
    }

    public Instant now() {
        return now;
    }

    public InputProblems problems() {
        return new InputProblems(texts, dates, now);
    }

    public void send(OutgoingMessage message) {
        replies.add(new Reply.Send(message));
    }

    public void edit(int messageId, OutgoingMessage message) {
        replies.add(new Reply.Edit(messageId, message));
    }

    /** Answers the button press being handled (a no-op for other updates); at most once. */
    public void answerPress(String note) {
        if (incoming instanceof Incoming.Press press && !pressAnswered()) {
            replies.add(new Reply.AnswerPress(press.callbackId(), note));
        }
    }

    boolean pressAnswered() {
        return replies.stream().anyMatch(Reply.AnswerPress.class::isInstance);
    }

    List<Reply> replies() {
        return List.copyOf(replies);
    }

    /** Forgets the replies collected so far, to answer differently. */
    public void discardReplies() {
        replies.clear();
    }
}
