package io.parceltrack.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker compose's variable substitution in one string, as the compose specification defines it:
 * {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}},
 * {@code ${NAME:?error}}, {@code ${NAME?error}}, {@code ${NAME:+other}}, {@code ${NAME+other}}, and
 * {@code $$} for a literal dollar. A variable used bare but not set counts as an error here (compose
 * would only warn and put in an empty string, which is how a forgotten password slips through).
 */
final class ComposeSubstitution {

    /** The substituted text, every variable it read, and what went wrong. */
    record Result(String value, Set<String> variables, List<String> errors) {
        boolean substituted() {
            return !variables.isEmpty();
        }
    }

    private ComposeSubstitution() {}

    static Result substitute(String text, Map<String, String> environment) {
        StringBuilder out = new StringBuilder();
        Set<String> variables = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    errors.add("unclosed ${ in '" + text + "'");
                    out.append(text, i, text.length());
                    break;
                }
                out.append(braced(text.substring(i + 2, close), environment, variables, errors));
                i = close + 1;
            } else if (Character.isLetter(next) || next == '_') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                out.append(braced(text.substring(i + 1, end), environment, variables, errors));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Result(out.toString(), Set.copyOf(variables), List.copyOf(errors));
    }

    private static String braced(String expression, Map<String, String> environment, Set<String> variables,
            List<String> errors) {
        int nameEnd = 0;
        while (nameEnd < expression.length()
                && (Character.isLetterOrDigit(expression.charAt(nameEnd)) || expression.charAt(nameEnd) == '_')) {
            nameEnd++;
        }
        String name = expression.substring(0, nameEnd);
        if (name.isEmpty()) {
            errors.add("invalid substitution ${" + expression + "}");
            return "";
        }
        variables.add(name);
        String rest = expression.substring(nameEnd);
        String value = environment.get(name);
        boolean set = value != null;
        boolean setAndNotEmpty = set && !value.isEmpty();
        if (rest.isEmpty()) {
            if (!set) {
                errors.add(name + " is not set and has no default");
                return "";
            }
            return value;
        }
        for (String operator : List.of(":-", ":?", ":+", "-", "?", "+")) {
            if (rest.startsWith(operator)) {
                String argument = rest.substring(operator.length());
                boolean present = operator.startsWith(":") ? setAndNotEmpty : set;
                switch (operator.charAt(operator.length() - 1)) {
                    case '-':
                        return present ? value : argument;
                    case '?':
                        if (!present) {
                            errors.add(name + ": " + argument);
                            return "";
                        }
                        return value;
                    default:
                        return present ? argument : "";
                }
            }
        }
        errors.add("invalid substitution ${" + expression + "}");
        return "";
    }
}
