package io.parceltrack.telegram.chat;

import io.parceltrack.telegram.Language;
import io.parceltrack.telegram.text.BotDates;
import io.parceltrack.telegram.text.InputProblems;
import io.parceltrack.telegram.text.Phrasebook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One update being handled: what the person did, where their dialogue stands ({@code S}, one of
 * the bot's typed states, changed with {@link #moveTo}), the phrases of their language, and the
 * replies collected so far.
 */
public final class Turn<S> {
    private final Incoming incoming;
    private final Phrasebook texts;
    private final BotDates dates;
    private final Instant now;
    private final List<Reply> replies = new ArrayList<>();
    private S state;

    public Turn(Incoming incoming, S state, Phrasebook texts, BotDates dates, Instant now) {
        this.incoming = incoming;
        this.state = Objects.requireNonNull(state, "state");
        this.texts = texts;
        this.dates = dates;
        this.now = now;
    }

    public Incoming incoming() {
        return incoming;
    }

    public S state() {
        return state;
    }

    public void moveTo(S next) {
        state = Objects.requireNonNull(next, "next");
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
