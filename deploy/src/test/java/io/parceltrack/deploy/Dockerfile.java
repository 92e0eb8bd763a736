package io.parceltrack.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A Dockerfile read into its stages and their instructions (continuation lines joined, comments dropped). */
record Dockerfile(List<Stage> stages) {

    record Instruction(String keyword, String arguments, int line) {}

    /** A build stage: {@code FROM image [AS name]} and what follows it. */
    record Stage(String image, String name, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
        }

        /** The instruction that counts when it is given more than once (USER, ENTRYPOINT, CMD). */
        Optional<Instruction> last(String keyword) {
            List<Instruction> all = all(keyword);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }

        /** An exec-form (JSON array) instruction's words; empty for the shell form. */
        List<String> execForm(String keyword) {
            return last(keyword).map(instruction -> {
                Object value = instruction.arguments().startsWith("[") ? YamlFiles.value(instruction.arguments()) : null;
                return value instanceof List<?> words ? words.stream().map(String::valueOf).toList() : List.<String>of();
            }).orElse(List.of());
        }
    }

    static Dockerfile read(Path file) {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        String[] lines = YamlFiles.read(file).split("\\R", -1);
        StringBuilder pending = new StringBuilder();
        int startLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#") || line.isEmpty() && pending.length() == 0) {
                continue;
            }
            if (pending.length() == 0) {
                startLine = i + 1;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String text = pending.toString().strip();
            pending.setLength(0);
            if (text.isEmpty()) {
                continue;
            }
            int space = text.indexOf(' ');
            String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
            String arguments = space < 0 ? "" : text.substring(space + 1).strip();
            if (keyword.equals("FROM")) {
                String[] words = arguments.split("\\s+");
                String name = words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2] : "";
                current = new ArrayList<>();
                stages.add(new Stage(words[0], name, current));
            } else if (current != null) {
                current.add(new Instruction(keyword, arguments, startLine));
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    Optional<Stage> stage(String name) {
        return stages.stream().filter(stage -> stage.name().equals(name)).findFirst();
    }
}
