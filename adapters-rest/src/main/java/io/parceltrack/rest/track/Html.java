package io.parceltrack.rest.track;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A piece of HTML that is escaped by construction: text and attribute values are always escaped
 * when written, tag and attribute names must be plain names, and there is no way to insert raw
 * markup. Whatever a manager typed into a checkpoint reaches the page as text, never as markup.
 */
sealed interface Html permits Html.Element, Html.Text {

    /** Writes this node as HTML. */
    void writeTo(StringBuilder out);

    static Element element(String tag) {
        return new Element(tag);
    }

    static Text text(String text) {
        return new Text(text);
    }

    /** The whole document: the doctype and its root element. */
    static String document(Element root) {
        StringBuilder out = new StringBuilder(8192).append("<!DOCTYPE html>\n");
        root.writeTo(out);
        return out.append('\n').toString();
    }

    /** Text content, escaped. */
    record Text(String text) implements Html {
        @Override
        public void writeTo(StringBuilder out) {
            escape(text, out);
        }
    }

    /** An element with attributes and children; built up by chained calls. */
    final class Element implements Html {
        private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
        private static final Set<String> VOID = Set.of("meta", "link", "input", "br", "img");

        private final String tag;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Html> children = new ArrayList<>();

        private Element(String tag) {
            this.tag = checkedName(tag);
        }

        Element attr(String name, String value) {
            attributes.put(checkedName(name), value);
            return this;
        }

        /** An attribute only when {@code present}, e.g. {@code aria-current} on the current step. */
        Element attrIf(boolean present, String name, String value) {
            return present ? attr(name, value) : this;
        }

        Element cls(String classes) {
            return attr("class", classes);
        }

        Element add(Html... nodes) {
            if (VOID.contains(tag) && nodes.length > 0) {
                throw new IllegalStateException("<" + tag + "> cannot have content");
            }
            children.addAll(List.of(nodes));
            return this;
        }

        Element add(List<? extends Html> nodes) {
            return add(nodes.toArray(Html[]::new));
        }

        Element text(String text) {
            return add(new Text(text));
        }

        @Override
        public void writeTo(StringBuilder out) {
            out.append('<').append(tag);
            attributes.forEach((name, value) -> {
                out.append(' ').append(name).append("=\"");
                escape(value, out);
                out.append('"');
            });
            out.append('>');
            if (VOID.contains(tag)) {
                return;
            }
            children.forEach(child -> child.writeTo(out));
            out.append("</").append(tag).append('>');
        }

        private static String checkedName(String name) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not an HTML name: " + name);
            }
            return name;
        }
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
