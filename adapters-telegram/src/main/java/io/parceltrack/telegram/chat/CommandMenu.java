package io.parceltrack.telegram.chat;

import io.parceltrack.telegram.Language;
import io.parceltrack.telegram.text.Phrasebooks;
import io.parceltrack.telegram.text.Text;
import java.io.Serializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/** Publishes the bots' commands (the menu Telegram shows next to the input field), per language. */
final class CommandMenu {
    private static final Logger LOG = LoggerFactory.getLogger(CommandMenu.class);

    private CommandMenu() {}

    /** For each language we speak, and without a language for everyone else (in the bot's default). */
    static void publish(String botName, PacedSender sender, Phrasebooks phrasebooks, Language defaultLanguage) {
        for (Language language : Language.values()) {
            sender.sendUnpaced(commands(phrasebooks, language).languageCode(language.code()).build())
                    .exceptionally(failure -> logFailure(botName, failure));
        }
        sender.sendUnpaced(commands(phrasebooks, defaultLanguage).build())
                .exceptionally(failure -> logFailure(botName, failure));
    }

    private static SetMyCommands.SetMyCommandsBuilder<?, ?> commands(Phrasebooks phrasebooks, Language language) {
        var texts = phrasebooks.of(language);
        return SetMyCommands.builder()
                .command(new BotCommand("start", texts.plain(Text.COMMAND_START)))
                .command(new BotCommand("menu", texts.plain(Text.COMMAND_MENU)))
                .command(new BotCommand("help", texts.plain(Text.COMMAND_HELP)))
                .command(new BotCommand("cancel", texts.plain(Text.COMMAND_CANCEL)));
    }

    private static Serializable logFailure(String botName, Throwable failure) {
        LOG.warn("{}: could not publish the command list: {}", botName, ReplyDelivery.rootCause(failure).getMessage());
        return null;
    }
}
