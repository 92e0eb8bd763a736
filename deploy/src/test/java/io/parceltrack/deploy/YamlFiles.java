package io.parceltrack.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads YAML the strict way: plain data only, and a key written twice in one mapping is an error, not a silent override. */
final class YamlFiles {
    private YamlFiles() {}

    /** Every document of a (possibly multi-document) YAML file; empty documents are skipped. */
    static List<YamlNode> documents(Path file) {
        String text = read(file);
        List<YamlNode> documents = new ArrayList<>();
        int index = 0;
        for (Object document : strictYaml().loadAll(text)) {
            if (document != null) {
                documents.add(YamlNode.root(DeployFiles.relative(file) + (index > 0 ? "#" + index : ""), document));
            }
            index++;
        }
        return documents;
    }

    static YamlNode document(Path file) {
        List<YamlNode> documents = documents(file);
        if (documents.size() != 1) {
            throw new AssertionError(DeployFiles.relative(file) + " should hold one YAML document, holds " + documents.size());
        }
        return documents.get(0);
    }

    /** A JSON or YAML flow value such as {@code ["java", "-jar", "app.jar"]}. */
    static Object value(String text) {
        return strictYaml().load(text);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Yaml strictYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }
}
