package io.parceltrack.apps.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * Adapters know the ports and the domain, never each other; only the apps know every module. And
 * nothing but the apps depends on the apps.
 */
@AnalyzeClasses(packages = "io.parceltrack",
        importOptions = {ImportOption.DoNotIncludeTests.class, AdapterIsolationTest.DoNotIncludeTestJars.class})
class AdapterIsolationTest {

    /** The modules' test-jars (test harnesses other modules' tests use) are test code too. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static final String[] ADAPTERS = {"grpc", "postgres", "kafka", "rest", "telegram", "webhooks"};

    @ArchTest
    static final ArchRule grpcKnowsNoOtherAdapter = knowsNoOtherAdapter("grpc");

    @ArchTest
    static final ArchRule postgresKnowsNoOtherAdapter = knowsNoOtherAdapter("postgres");

    @ArchTest
    static final ArchRule kafkaKnowsNoOtherAdapter = knowsNoOtherAdapter("kafka");

    @ArchTest
    static final ArchRule restKnowsNoOtherAdapter = knowsNoOtherAdapter("rest");

    @ArchTest
    static final ArchRule telegramKnowsNoOtherAdapter = knowsNoOtherAdapter("telegram");

    /**
     * The database keeps what the app hands it: the outbox's encoding is plugged in by the apps
     * ({@code OutboxPayloadFormat}), so storage does not change when the wire contracts do.
     */
    @ArchTest
    static final ArchRule postgresKnowsNoWireContract = noClasses()
            .that().resideInAPackage("io.parceltrack.postgres..")
            .should().dependOnClassesThat().resideInAnyPackage("io.parceltrack.proto..", "com.google.protobuf..");

    @ArchTest
    static final ArchRule webhooksKnowsNoOtherAdapter = knowsNoOtherAdapter("webhooks");

    private static ArchRule knowsNoOtherAdapter(String adapter) {
        String[] others = Arrays.stream(ADAPTERS).filter(other -> !other.equals(adapter))
                .map(other -> "io.parceltrack." + other + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage("io.parceltrack." + adapter + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others);
    }

    @ArchTest
    static final ArchRule theInnerHexagonKnowsNoAdapter = noClasses()
            .that().resideInAnyPackage("io.parceltrack.domain..", "io.parceltrack.port..",
                    "io.parceltrack.service..", "io.parceltrack.memory..")
            .should().dependOnClassesThat().resideInAnyPackage("io.parceltrack.grpc..", "io.parceltrack.postgres..",
                    "io.parceltrack.kafka..", "io.parceltrack.rest..", "io.parceltrack.telegram..",
                    "io.parceltrack.webhooks..", "io.parceltrack.apps..");

    /**
     * Adapters report what happened to observer interfaces of their own (HttpRequestObserver,
     * GrpcCallObserver, BotApiObserver, KafkaClientObserver); only the apps turn that into meters.
     */
    @ArchTest
    static final ArchRule onlyTheAppsKnowTheMetricsLibrary = noClasses()
            .that().resideOutsideOfPackage("io.parceltrack.apps..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "com.zaxxer.hikari.metrics.micrometer..");

    @ArchTest
    static final ArchRule onlyTheAppsKnowTheApps = noClasses()
            .that().resideOutsideOfPackage("io.parceltrack.apps..")
            .should().dependOnClassesThat().resideInAPackage("io.parceltrack.apps..");
}
