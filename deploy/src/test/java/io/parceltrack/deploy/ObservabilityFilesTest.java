package io.parceltrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alert rules of deploy/observability, and how compose and
 * the kustomize base scrape the apps: the files parse, every metric they query is one the apps
 * export (docs/OPERATIONS.md's table, which the apps' own test keeps true), and every app is scraped
 * on the port that serves its /metrics.
 */
class ObservabilityFilesTest {
    private static final Pattern DOCUMENTED_METRIC = Pattern.compile("^\\| `([a-z_:][a-z0-9_:]*)` \\|", Pattern.MULTILINE);
    /** A metric name in PromQL: our prefixes, followed by a selector, a range, a space or a bracket. */
    private static final Pattern QUERIED_METRIC =
            Pattern.compile("\\b((?:parceltrack|kafka|hikaricp|jvm|process)_[a-z0-9_]+|up)\\s*(?=[{\\[)\\s]|$)");
    private static final List<String> SAMPLE_SUFFIXES = List.of("_bucket", "_count", "_sum", "_max");
    /** Series Prometheus makes itself for every target. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private final Path observability = DeployFiles.module().resolve("observability");

    static Set<String> documentedMetrics() throws IOException {
        String operations = Files.readString(DeployFiles.repository().resolve("docs/OPERATIONS.md"));
        Set<String> names = new TreeSet<>();
        Matcher matcher = DOCUMENTED_METRIC.matcher(operations);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static Set<String> queriedMetrics(String expression) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = QUERIED_METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Whether {@code name} is a documented family or one of its samples ({@code _bucket}, {@code _count}, ...). */
    private static boolean exported(String name, Set<String> documented) {
        if (documented.contains(name) || PROMETHEUS_OWN.contains(name)) {
            return true;
        }
        return SAMPLE_SUFFIXES.stream().anyMatch(suffix -> name.endsWith(suffix)
                && documented.contains(name.substring(0, name.length() - suffix.length())));
    }

    private List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(observability.resolve("grafana-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        return expressions;
    }

    private List<YamlNode> alertRules() {
        YamlNode rules = YamlFiles.document(observability.resolve("prometheus-alerts.yml"));
        List<YamlNode> all = new ArrayList<>();
        rules.get("groups").items().forEach(group -> all.addAll(group.get("rules").items()));
        return all;
    }

    @Test
    void theDocumentedTableListsTheFlowsMetrics() throws IOException {
        assertThat(documentedMetrics()).contains("parceltrack_checkpoints_recorded_total",
                "parceltrack_outbox_oldest_age_seconds", "kafka_consumer_fetch_manager_records_lag",
                "parceltrack_deliveries_total", "parceltrack_telegram_retry_after_seconds");
    }

    @Test
    void theDashboardParsesAndQueriesOnlyMetricsTheAppsExport() throws IOException {
        Set<String> documented = documentedMetrics();
        List<String> expressions = dashboardExpressions();

        assertThat(expressions).hasSizeGreaterThan(20).allSatisfy(expression -> {
            assertThat(queriedMetrics(expression)).as("metrics in " + expression).isNotEmpty()
                    .allSatisfy(name -> assertThat(exported(name, documented)).as(name + " is exported").isTrue());
        });
        // The flow, stage by stage: REST, outbox, Kafka, fan-out, bot.
        String all = String.join("\n", expressions);
        assertThat(all).contains("parceltrack_http_server_requests_seconds", "parceltrack_outbox_events",
                "kafka_consumer_fetch_manager_records_lag", "parceltrack_fanout_deliveries_produced_total",
                "parceltrack_deliveries_total", "parceltrack_telegram_requests_seconds");
    }

    @Test
    void theAlertRulesParseCoverEachConcernAndQueryOnlyExportedMetrics() throws IOException {
        Set<String> documented = documentedMetrics();
        Map<String, String> byAlert = new HashMap<>();
        for (YamlNode rule : alertRules()) {
            String alert = rule.get("alert").scalar().orElseThrow(() -> new AssertionError("a rule without a name: " + rule));
            String expr = rule.get("expr").scalar().orElseThrow(() -> new AssertionError(alert + " has no expr"));
            assertThat(rule.at("annotations", "summary").scalar()).as(alert + "'s summary").isPresent();
            assertThat(rule.at("labels", "severity").scalar()).as(alert + "'s severity").hasValueSatisfying(
                    severity -> assertThat(severity).isIn("warning", "critical"));
            assertThat(queriedMetrics(expr)).as("metrics of " + alert).isNotEmpty()
                    .allSatisfy(name -> assertThat(exported(name, documented)).as(alert + ": " + name + " is exported").isTrue());
            byAlert.put(alert, expr);
        }
        String all = String.join("\n", byAlert.values());
        assertThat(all).as("outbox age, consumer lag, dead letters, 5xx, Telegram 429s, readiness")
                .contains("parceltrack_outbox_oldest_age_seconds", "kafka_consumer_fetch_manager_records_lag",
                        "parceltrack_kafka_dead_letters_total", "status=~\"5..\"",
                        "parceltrack_telegram_retry_after_seconds_count", "route=\"/health/ready\", status=\"503\"");
    }

    @Test
    void composesObservabilityProfileScrapesEveryAppWhereItServesMetrics() {
        ComposeProject compose = DeploymentManifests.compose(
                DeploymentManifests.operatorEnvironment(DeploymentManifests.composeEnvExample()));
        assertThat(compose.profiles("prometheus")).containsExactly("observability");
        assertThat(compose.profiles("grafana")).containsExactly("observability");
        Map<String, Path> mounted = compose.mountedFiles("prometheus");
        Path config = mounted.get("/etc/prometheus/prometheus.yml");
        assertThat(config).as("prometheus.yml mounted").isNotNull().isRegularFile();
        assertThat(mounted).containsValue(observability.resolve("prometheus-alerts.yml").normalize());
        assertThat(compose.mountedFiles("grafana")).containsValue(observability.resolve("grafana-dashboard.json").normalize());

        YamlNode prometheus = YamlFiles.document(config);
        assertThat(prometheus.get("rule_files").scalars()).containsExactly("/etc/prometheus/rules/prometheus-alerts.yml");
        Set<String> targets = new TreeSet<>();
        for (YamlNode job : prometheus.get("scrape_configs").items()) {
            assertThat(job.get("metrics_path").scalar()).hasValue("/metrics");
            job.get("static_configs").items().forEach(group -> targets.addAll(group.get("targets").scalars()));
        }
        // Each app's /metrics is on the server of its readiness probe: its healthcheck's port.
        Set<String> expected = new TreeSet<>();
        for (String service : DeploymentManifests.composeAppServices(compose)) {
            AppContainer app = compose.appContainer(service);
            // Migrations end once done; services of an optional profile are not the six apps.
            if (app.command().equals("migrate") || !compose.profiles(service).isEmpty()) {
                continue;
            }
            Optional<Integer> port = app.probes().stream().map(Probe::port).flatMap(Optional::stream).findFirst();
            assertThat(port).as(service + "'s health port").isPresent();
            expected.add(service + ":" + port.get());
        }
        assertThat(expected).hasSize(6);
        assertThat(targets).isEqualTo(expected);
    }

    @Test
    void everyAppPodOfTheKustomizeBaseIsAnnotatedForScrapingOnItsReadinessPort() {
        KubernetesBase base = DeploymentManifests.kubernetesBase();
        List<String> problems = new ArrayList<>();
        int annotated = 0;
        for (KubernetesObject workload : base.workloads()) {
            for (YamlNode container : workload.containers()) {
                if (workload.kind().equals("Job") || DeploymentManifests.isInfrastructure(container.get("image").scalar().orElse(""))) {
                    continue;
                }
                AppContainer app = base.appContainer(workload, container, problems);
                Optional<Integer> readiness = app.probes().stream()
                        .filter(probe -> probe.purpose() == Probe.Purpose.READINESS)
                        .map(Probe::port).flatMap(Optional::stream).findFirst();
                YamlNode annotations = workload.body().at("spec", "template", "metadata", "annotations");
                assertThat(annotations.get("prometheus.io/scrape").scalar()).as(workload.where()).hasValue("true");
                assertThat(annotations.get("prometheus.io/path").scalar()).as(workload.where()).hasValue("/metrics");
                assertThat(annotations.get("prometheus.io/port").scalar().map(Integer::parseInt))
                        .as(workload.where() + " scrapes the port of its readiness probe").isEqualTo(readiness)
                        .isPresent();
                annotated++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(annotated).isEqualTo(6);
    }
}
