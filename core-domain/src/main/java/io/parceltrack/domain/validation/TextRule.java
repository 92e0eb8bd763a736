package io.parceltrack.domain.validation;

import io.parceltrack.domain.validation.FieldViolation.Kind;

/**
 * Length and character rules of one free-text field. Lengths count Unicode code points (what a
 * person sees as characters, and what PostgreSQL counts), after trimming.
 *
 * <p>Text never carries control characters; a multi-line field accepts line breaks and tabs.
 * Lone UTF-16 surrogates are rejected because no database or messenger can store them.
 */
public record TextRule(String field, int min, int max, boolean multiline) {

    public TextRule {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad bounds " + min + ".." + max + " for " + field);
        }
    }

    public static TextRule singleLine(String field, int min, int max) {
        return new TextRule(field, min, max, false);
    }

    public static TextRule multiLine(String field, int min, int max) {
        return new TextRule(field, min, max, true);
    }

    /**
     * The trimmed text, or {@code null} after recording why it is unacceptable. Blank input is
     * accepted (as "") only when the rule allows zero length.
     */
    public String check(String raw, Violations violations) {
        String text = normalise(raw);
        if (text.isEmpty() && min > 0) {
            violations.add(field, Kind.REQUIRED, "is required (" + bounds() + ")");
            return null;
        }
        return checkNonBlank(text, violations);
    }

    /** Like {@link #check} but blank input means "absent" and gives {@code null} without a violation. */
    public String checkOptional(String raw, Violations violations) {
        String text = normalise(raw);
        return text.isEmpty() ? null : checkNonBlank(text, violations);
    }

    /** Checks and throws {@link io.parceltrack.domain.error.InvalidInputException} on failure. */
    public String require(String raw) {
        Violations violations = new Violations();
        String text = check(raw, violations);
        violations.throwIfAny();
        return text;
    }

    private String checkNonBlank(String text, Violations violations) {
        int length = text.codePointCount(0, text.length());
        if (length < min) {
            violations.add(field, Kind.TOO_SHORT, "must be " + bounds() + ", got " + length);
            return null;
        }
        if (length > max) {
            violations.add(field, Kind.TOO_LONG, "must be " + bounds() + ", got " + length);
            return null;
        }
        String badCharacter = firstForbiddenCharacter(text);
        if (badCharacter != null) {
            violations.add(field, Kind.MALFORMED, "must not contain " + badCharacter);
            return null;
        }
        return text;
    }

    private String bounds() {
        return min == 0 ? "at most " + max + " characters" : min + " to " + max + " characters";
    }

    private static String normalise(String raw) {
        return raw == null ? "" : raw.replace("\r\n", "\n").strip();
    }

    private String firstForbiddenCharacter(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                return "broken Unicode (a lone surrogate)";
            }
            boolean lineBreakOrTab = cp == '\n' || cp == '\t' || cp == '\r';
            if (Character.isISOControl(cp) && !(multiline && lineBreakOrTab)) {
                return multiline ? "control characters" : "line breaks or control characters";
            }
            i += Character.charCount(cp);
        }
        return null;
    }
}
