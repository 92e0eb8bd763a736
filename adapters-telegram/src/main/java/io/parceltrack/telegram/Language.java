package io.parceltrack.telegram;

import java.util.Locale;
import java.util.Optional;

/** The languages the bots speak. */
public enum Language {
    EN("en"),
    RU("ru");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language for a Telegram {@code language_code} (an IETF tag such as {@code ru} or {@code en-GB}), if we speak it. */
    public static Optional<Language> fromTelegramCode(String languageCode) {
        if (languageCode == null || languageCode.isBlank()) {
            return Optional.empty();
        }
        String primary = languageCode.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        for (Language language : values()) {
            if (language.code.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** Parses a configured language ({@code en}, {@code ru}); throws for anything else. */
    public static Language parse(String code) {
        return fromTelegramCode(code).orElseThrow(() -> new IllegalArgumentException(
                "unsupported language \"" + code + "\"; use en or ru"));
    }
}
