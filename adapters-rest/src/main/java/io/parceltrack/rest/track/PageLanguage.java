package io.parceltrack.rest.track;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The languages the tracking page speaks, and how a request chooses one. */
enum PageLanguage {
    EN("en", Locale.ENGLISH),
    RU("ru", Locale.forLanguageTag("ru"));

    /** The page's language when the browser asks for none of ours. */
    static final PageLanguage FALLBACK = EN;

    /** One entry of Accept-Language: a range and an optional weight, e.g. {@code ru-RU;q=0.8}. */
    private static final Pattern RANGE = Pattern.compile(
            "\\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\\*)\\s*(?:;\\s*q\\s*=\\s*([01](?:\\.[0-9]{0,3})?))?\\s*");
    /** A header longer than this is not a browser's; it is read no further. */
    private static final int MAX_HEADER_LENGTH = 512;

    private final String code;
    private final Locale locale;

    PageLanguage(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    String code() {
        return code;
    }

    Locale locale() {
        return locale;
    }

    /** The other language, which the page's switch links to. */
    PageLanguage other() {
        return this == EN ? RU : EN;
    }

    static Optional<PageLanguage> ofCode(String code) {
        return Stream.of(values()).filter(language -> language.code.equals(code)).findFirst();
    }

    /**
     * The language an {@code Accept-Language} header prefers most among ours: by weight, then by
     * order; a weight of 0 refuses a language; malformed entries are skipped rather than failing
     * the page. {@link #FALLBACK} when it names none of ours.
     */
    static PageLanguage preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return FALLBACK;
        }
        String header = acceptLanguage.length() > MAX_HEADER_LENGTH
                ? acceptLanguage.substring(0, MAX_HEADER_LENGTH) : acceptLanguage;
        record Wish(PageLanguage language, double weight, int order) {}
        String[] entries = header.split(",");
        Stream.Builder<Wish> wishes = Stream.builder();
        for (int i = 0; i < entries.length; i++) {
            Matcher entry = RANGE.matcher(entries[i]);
            if (!entry.matches()) {
                continue;
            }
            double weight = entry.group(2) == null ? 1.0 : Double.parseDouble(entry.group(2));
            String primary = entry.group(1).split("-")[0].toLowerCase(Locale.ROOT);
            if (weight > 0) {
                int order = i;
                ofCode(primary).ifPresent(language -> wishes.add(new Wish(language, weight, order)));
            }
        }
        return wishes.build()
                .min(Comparator.comparingDouble((Wish wish) -> -wish.weight()).thenComparingInt(Wish::order))
                .map(Wish::language)
                .orElse(FALLBACK);
    }
}
