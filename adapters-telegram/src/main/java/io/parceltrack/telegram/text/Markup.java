package io.parceltrack.telegram.text;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Text in Telegram's HTML parse mode that is safe to send: either written by us or escaped from
 * what someone typed. Keeping the two kinds of string apart in the types is what stops a parcel
 * named {@code <b>} or {@code R&D} from breaking a message.
 */
public record Markup(String html) {
    /** No text at all, e.g. "no notice above the question". */
    public static final Markup NONE = new Markup("");

    public Markup {
        Objects.requireNonNull(html, "html");
    }

    /** Text from outside (a person, a database): {@code &}, {@code <}, {@code >} and quotes are escaped. */
    public static Markup escaped(String plain) {
        StringBuilder html = new StringBuilder(plain.length() + 16);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                default -> html.append(c);
            }
        }
        return new Markup(html.toString());
    }

    /** Markup we wrote ourselves. */
    static Markup trusted(String html) {
        return new Markup(html);
    }

    public static Markup lines(List<Markup> lines) {
        return new Markup(lines.stream().map(Markup::html).collect(Collectors.joining("\n")));
    }

    public Markup then(Markup next) {
        return new Markup(html + "\n" + next.html);
    }

    /** Separated by an empty line (none if either is empty). */
    public Markup paragraph(Markup next) {
        if (isEmpty() || next.isEmpty()) {
            return new Markup(html + next.html);
        }
        return new Markup(html + "\n\n" + next.html);
    }

    public boolean isEmpty() {
        return html.isEmpty();
    }
}
