package io.parceltrack.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is behind each chat (first name, Telegram language), kept in a file when one is given, so a
 * restarted emulator introduces the same people the same way and a Russian conversation goes on in
 * Russian. Without a file, people are remembered only while the emulator runs. A person never
 * introduced has no language, as on Telegram, and the bot then keeps the language it last spoke.
 */
final class People {
    private static final Logger LOG = LoggerFactory.getLogger(People.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectNode known;

    private People(Path file, ObjectNode known) {
        this.file = file;
        this.known = known;
    }

    static People inMemory() {
        return new People(null, new ObjectMapper().createObjectNode());
    }

    /** People remembered in {@code file}, read now if it exists, written on every change. */
    static People inFile(Path file) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode known = json.createObjectNode();
        if (Files.exists(file)) {
            try {
                JsonNode read = json.readTree(file.toFile());
                if (read instanceof ObjectNode object) {
                    known = object;
                }
            } catch (IOException e) {
                LOG.warn("the emulator's people file {} is unreadable; starting without it", file);
            }
        }
        return new People(file, known);
    }

    /** A chat of {@code bot} as its person was last introduced, or an unknown person without a language. */
    synchronized EmulatedChat recall(String bot, long chatId) {
        JsonNode person = known.path(bot).path(Long.toString(chatId));
        return new EmulatedChat(chatId, person.path("firstName").asText("Person " + chatId),
                Optional.ofNullable(person.get("languageCode")).filter(JsonNode::isTextual).map(JsonNode::asText)
                        .orElse(null));
    }

    synchronized void remember(String bot, EmulatedChat chat) {
        ObjectNode person = known.withObjectProperty(bot).putObject(Long.toString(chat.id)).put("firstName", chat.firstName);
        if (chat.languageCode != null) {
            person.put("languageCode", chat.languageCode);
        }
        if (file == null) {
            return;
        }
        try {
            Path written = Files.createTempFile(file.toAbsolutePath().getParent(), "people", ".tmp");
            json.writeValue(written.toFile(), known);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the emulator's people file " + file, e);
        }
    }
}
