package io.parceltrack.telegram.emulator;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finding a button by the label a person (or a test) names. The exact label wins; failing that, a
 * label matches without its leading emoji or symbol, so {@code Now} presses {@code ⏱ Now} and
 * {@code Menu} presses {@code « Menu}.
 */
final class Labels {
    private static final Pattern LEADING_SYMBOLS = Pattern.compile("^[^\\p{L}\\p{N}]+");

    private Labels() {}

    static Optional<InlineButton> find(List<List<InlineButton>> keyboard, String label) {
        List<InlineButton> buttons = keyboard.stream().flatMap(List::stream)
                .filter(button -> button.callbackData() != null).toList();
        return buttons.stream().filter(button -> button.text().equals(label)).findFirst()
                .or(() -> buttons.stream().filter(button -> matches(button.text(), label)).findFirst());
    }

    static boolean matches(String buttonLabel, String named) {
        return buttonLabel.equals(named) || bare(buttonLabel).equals(bare(named)) && !bare(named).isEmpty();
    }

    /** The label without what comes before its first letter or digit. */
    static String bare(String label) {
        return LEADING_SYMBOLS.matcher(label.strip()).replaceFirst("");
    }
}
