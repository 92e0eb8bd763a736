package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The one image: built with the Maven wrapper on JDK 17, run on a JRE 17 as a non-root user, the jar as entry point. */
class DockerfileTest {
    private static final String JAR = "/app/parceltrack.jar";

    private static RealApps apps;
    private static Dockerfile dockerfile;

    @BeforeAll
    static void read() {
        apps = new RealApps();
        dockerfile = Dockerfile.read(DeployFiles.dockerfile());
    }

    @Test
    void buildsTheAppsJarInAJdk17StageWithTheMavenWrapper() {
        Dockerfile.Stage build = dockerfile.stages().get(0);

        assertThat(dockerfile.stages()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(build.image()).startsWith("eclipse-temurin:17-jdk");
        assertThat(build.name()).isNotEmpty();
        assertThat(build.all("RUN")).anySatisfy(run -> assertThat(run.arguments())
                .contains("./mvnw", "-pl apps", "-am", "package"));
        assertThat(DeployFiles.repository().resolve("mvnw")).isRegularFile();
        assertThat(DeployFiles.repository().resolve(".mvn/wrapper/maven-wrapper.properties")).isRegularFile();
    }

    @Test
    void runsOnAJre17ImageAsANumericNonRootUser() {
        Dockerfile.Stage runtime = dockerfile.finalStage();

        assertThat(runtime.image()).startsWith("eclipse-temurin:17-jre");
        assertThat(runtime.last("USER")).hasValueSatisfying(user -> {
            assertThat(user.arguments()).matches("\\d+(:\\d+)?");
            assertThat(Integer.parseInt(user.arguments().split(":")[0])).isPositive();
        });
    }

    @Test
    void copiesTheJarTheAppsModuleBuildsFromTheBuildStage() {
        String jarName = shadedJarName();
        Dockerfile.Stage runtime = dockerfile.finalStage();

        assertThat(runtime.all("COPY")).anySatisfy(copy -> {
            List<String> words = Arrays.asList(copy.arguments().split("\\s+"));
            assertThat(words).contains("--from=" + dockerfile.stages().get(0).name());
            assertThat(words.get(words.size() - 2)).endsWith("apps/target/" + jarName);
            assertThat(words.get(words.size() - 1)).isEqualTo(JAR);
        });
    }

    @Test
    void startsTheJarWithContainerAwareJvmFlagsAndTakesTheSubcommandAsArguments() {
        List<String> entrypoint = dockerfile.finalStage().execForm("ENTRYPOINT");

        assertThat(entrypoint).as("ENTRYPOINT in exec form, so that java gets SIGTERM").isNotEmpty();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size())).containsExactly("-jar", JAR);
        assertThat(entrypoint).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(entrypoint).anySatisfy(flag -> {
            assertThat(flag).startsWith("-XX:MaxRAMPercentage=");
            assertThat(Double.parseDouble(flag.substring(flag.indexOf('=') + 1))).isBetween(50.0, 80.0);
        });
    }

    @Test
    void defaultCommandIsOneOfTheJarsSubcommands() {
        List<String> command = dockerfile.finalStage().execForm("CMD");

        assertThat(command).hasSize(1);
        assertThat(apps.jarCommands()).contains(command.get(0));
    }

    @Test
    void exposesThePortsTheAppsListenOnByDefault() {
        Set<Integer> exposed = dockerfile.finalStage().all("EXPOSE").stream()
                .flatMap(expose -> Arrays.stream(expose.arguments().split("\\s+")))
                .map(port -> Integer.parseInt(port.replace("/tcp", "")))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(exposed).containsExactlyElementsOf(apps.defaultPorts());
    }

    @Test
    void ignoreFileKeepsBuildOutputAndSecretsOutButEverythingTheBuildReadsIn() {
        List<String> patterns = Files.exists(ignoreFile()) ? ignorePatterns() : List.of();
        List<String> needed = new ArrayList<>(List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties",
                "apps/src/main/resources/reference.conf", "deploy/pom.xml"));
        rootModules().forEach(module -> needed.add(module + "/pom.xml"));

        assertThat(needed).allSatisfy(path -> assertThat(ignored(patterns, path)).as(path + " ignored").isFalse());
        assertThat(List.of("apps/target/parceltrack.jar", "core-domain/target/classes/x.class", ".git/config",
                "deploy/compose/.env", "deploy/k8s/overlays/example/telegram-bots.env"))
                .allSatisfy(path -> assertThat(ignored(patterns, path)).as(path + " ignored").isTrue());
    }

    /** BuildKit reads <Dockerfile>.dockerignore next to the Dockerfile before the context's .dockerignore. */
    private static Path ignoreFile() {
        return DeployFiles.dockerfile().resolveSibling("Dockerfile.dockerignore");
    }

    private static List<String> ignorePatterns() {
        return YamlFiles.read(ignoreFile()).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** .dockerignore semantics: a pattern excludes a path or any directory above it; later "!" patterns take back. */
    private static boolean ignored(List<String> patterns, String path) {
        boolean ignored = false;
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            String glob = negated ? pattern.substring(1) : pattern;
            if (matchesPathOrParent(glob, path)) {
                ignored = !negated;
            }
        }
        return ignored;
    }

    private static boolean matchesPathOrParent(String glob, String path) {
        List<String> globs = glob.startsWith("**/") ? List.of(glob, glob.substring(3)) : List.of(glob);
        String[] parts = path.split("/");
        for (int length = 1; length <= parts.length; length++) {
            Path prefix = Path.of(String.join("/", Arrays.copyOf(parts, length)));
            for (String candidate : globs) {
                if (FileSystems.getDefault().getPathMatcher("glob:" + candidate).matches(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> rootModules() {
        return xpathAll(DeployFiles.repository().resolve("pom.xml"), "/project/modules/module");
    }

    /** The file name the shade plugin gives the runnable jar in apps/pom.xml. */
    private static String shadedJarName() {
        List<String> names = xpathAll(DeployFiles.repository().resolve("apps/pom.xml"),
                "//plugin[artifactId='maven-shade-plugin']//finalName");
        assertThat(names).as("finalName of the shade plugin in apps/pom.xml").hasSize(1);
        return names.get(0) + ".jar";
    }

    private static List<String> xpathAll(Path xml, String expression) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(expression, document, XPathConstants.NODESET);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent().strip());
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + xml, e);
        }
    }
}
