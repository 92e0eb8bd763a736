package io.parceltrack.telegram.chat;

import io.parceltrack.domain.error.DomainException;
import io.parceltrack.port.out.BlockedChatStore;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.telegram.BotSettings;
import io.parceltrack.telegram.Language;
import io.parceltrack.telegram.text.BotDates;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.Phrasebooks;
import io.parceltrack.telegram.text.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one update through the bot's dialogue: loads the chat's conversation, lets the flow answer,
 * stores the new state, and makes sure an answer comes whatever happens. A failure of the core is
 * explained and the question asked again on the state as it was before; a bug of ours gets an
 * apology and is logged.
 */
final class TurnRunner<S> {
    private static final Logger LOG = LoggerFactory.getLogger(TurnRunner.class);

    private final BotSettings settings;
    private final ConversationFlow<S> flow;
    private final ConversationMemory<S> memory;
    private final BlockedChatStore blockedChats;
    private final Phrasebooks phrasebooks;
    private final BotDates dates;
    private final Clock clock;
    private final SkippedUpdates skipped;
    private final AtomicLong failedUpdates = new AtomicLong();

    TurnRunner(BotSettings settings, ConversationFlow<S> flow, ConversationMemory<S> memory,
            BlockedChatStore blockedChats, Phrasebooks phrasebooks, BotDates dates, Clock clock,
            SkippedUpdates skipped) {
        this.settings = settings;
        this.flow = flow;
        this.memory = memory;
        this.blockedChats = blockedChats;
        this.phrasebooks = phrasebooks;
        this.dates = dates;
        this.clock = clock;
        this.skipped = skipped;
    }

    long failedUpdates() {
        return failedUpdates.get();
    }

    /** The replies to one update; never throws. */
    List<Reply> run(Incoming in) {
        List<Reply> replies;
        try {
            replies = converse(in);
        } catch (RuntimeException e) {
            failedUpdates.incrementAndGet();
            LOG.error("{}: failed to handle an update of chat {}", settings.name(), in.chatId(), e);
            replies = new ArrayList<>(List.of(new Reply.Send(OutgoingMessage.of(
                    phrasebooks.of(spokenOrDefault(in)).phrase(Text.INTERNAL_ERROR)))));
            if (in instanceof Incoming.Press press) {
                replies.add(new Reply.AnswerPress(press.callbackId(), ""));
            }
        }
        return replies;
    }

    private Language spokenOrDefault(Incoming in) {
        return Language.fromTelegramCode(in.languageCode()).orElse(settings.defaultLanguage());
    }

    private List<Reply> converse(Incoming in) {
        try {
            blockedChats.unmarkBlocked(settings.name(), in.chatId());
        } catch (RuntimeException e) {
            LOG.warn("{}: could not clear the blocked mark of chat {}: {}", settings.name(), in.chatId(), e.toString());
        }
        Language spoken = Language.fromTelegramCode(in.languageCode()).orElse(null);
        Conversation<S> conversation;
        try {
            conversation = memory.load(in.chatId())
                    .orElseGet(() -> new Conversation<>(flow.stateFormat().fresh(), null));
        } catch (UnavailableException e) {
            LOG.warn("{}: conversation store unavailable: {}", settings.name(), e.getMessage());
            Turn<S> turn = new Turn<>(in, flow.stateFormat().fresh(), phrasebooks.of(spokenOrDefault(in)), dates,
                    clock.instant());
            turn.send(OutgoingMessage.of(turn.texts().phrase(Text.UNAVAILABLE)));
            turn.answerPress("");
            return turn.replies();
        }
        // A person's Telegram language wins; without one, the language of the conversation so far.
        Language language = spoken != null ? spoken
                : conversation.language() != null ? conversation.language() : settings.defaultLanguage();
        S before = conversation.state();
        Turn<S> turn = new Turn<>(in, before, phrasebooks.of(language), dates, clock.instant());
        try {
            flow.handle(turn);
        } catch (DomainException | UnavailableException e) {
            LOG.info("{}: chat {}: {}", settings.name(), in.chatId(), e.getClass().getSimpleName());
            turn = recover(in, before, language, FailureText.explain(turn, e));
        } catch (RuntimeException e) {
            failedUpdates.incrementAndGet();
            LOG.error("{}: failed to handle an update of chat {}", settings.name(), in.chatId(), e);
            turn = recover(in, before, language, turn.texts().phrase(Text.INTERNAL_ERROR));
        }
        try {
            memory.save(in.chatId(), new Conversation<>(turn.state(), language));
        } catch (RuntimeException e) {
            LOG.warn("{}: could not store the conversation of chat {}: {}", settings.name(), in.chatId(), e.toString());
        }
        turn.answerPress("");
        return withSkippedNotice(in.chatId(), turn);
    }

    /** A fresh turn on the state as it was before the failed one, explaining the failure. */
    private Turn<S> recover(Incoming in, S before, Language language, Markup explanation) {
        Turn<S> turn = new Turn<>(in, before, phrasebooks.of(language), dates, clock.instant());
        try {
            flow.prompt(turn, explanation);
        } catch (RuntimeException e) {
            LOG.warn("{}: could not repeat the question in chat {}: {}", settings.name(), in.chatId(), e.toString());
            turn.discardReplies();
            turn.send(OutgoingMessage.of(explanation));
        }
        return turn;
    }

    /** Tells the person, before this turn's answer, about messages skipped since their last turn. */
    private List<Reply> withSkippedNotice(long chatId, Turn<S> turn) {
        int count = skipped.take(chatId);
        if (count == 0) {
            return turn.replies();
        }
        List<Reply> replies = new ArrayList<>();
        replies.add(new Reply.Send(OutgoingMessage.of(turn.texts().phrase(Text.SKIPPED_UPDATES, count))));
        replies.addAll(turn.replies());
        return replies;
    }
}
