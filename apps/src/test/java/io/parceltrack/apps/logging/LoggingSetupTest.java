package io.parceltrack.apps.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {
    private final PrintStream originalOut = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        System.setOut(originalOut);
    }

    private String logWith(LoggingSetup.Format format, String message, Object... args) {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggingSetup.configure(new LoggingSetup.Settings("account-service", format, Level.INFO, "", List.of("s3cret-db-password")));
        LoggerFactory.getLogger("test").info(message, args);
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOneJsonObjectPerLine() {
        String output = logWith(LoggingSetup.Format.JSON, "parcel {} created", "VF834349180");

        assertThat(output.lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{").endsWith("}")
                .contains("\"message\":\"parcel VF834349180 created\"")
                .contains("\"level\":\"INFO\"")
                .contains("\"app\":\"account-service\"")
                .contains("\"host\":\""));
    }

    @Test
    void masksSecretsInJson() {
        String output = logWith(LoggingSetup.Format.JSON,
                "calling https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1/getMe with {} and {}",
                "pt_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "s3cret-db-password");

        assertThat(output).doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1")
                .doesNotContain("pt_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
                .doesNotContain("s3cret-db-password")
                .contains(LoggingSetup.MASK);
    }

    @Test
    void masksSecretsInPlainText() {
        String output = logWith(LoggingSetup.Format.PLAIN,
                "token 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1 password {}", "s3cret-db-password");

        assertThat(output).doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1")
                .doesNotContain("s3cret-db-password")
                .contains("token " + LoggingSetup.MASK + " password " + LoggingSetup.MASK);
    }

    @Test
    void aBufferedConsoleWritesEveryLineInOrderEvenWhenItsBufferOverflows() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        // 16 lines of buffer for 5,000 lines: the loggers must wait for room, not drop lines.
        LoggingSetup.configure(new LoggingSetup.Settings("account-service", LoggingSetup.Format.JSON, Level.INFO, "",
                List.of("s3cret-db-password"), 16));
        for (int i = 0; i < 5000; i++) {
            LoggerFactory.getLogger("test").info("line {} with {}", i, "s3cret-db-password");
        }
        LoggingSetup.stop();

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(lines.get(i)).startsWith("{").endsWith("}")
                    .contains("\"message\":\"line " + i + " with " + LoggingSetup.MASK + "\"");
        }
    }

    @Test
    void aBufferedConsoleWritesALineWithoutWaitingForMore() throws InterruptedException {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggingSetup.configure(new LoggingSetup.Settings("account-service", LoggingSetup.Format.JSON, Level.INFO, "",
                List.of(), LoggingSetup.DEFAULT_CONSOLE_BUFFER));
        LoggerFactory.getLogger("test").info("alone");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!captured.toString(StandardCharsets.UTF_8).contains("\"message\":\"alone\"") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("\"message\":\"alone\"");
        LoggingSetup.stop();
    }

    @Test
    void aConsoleBufferMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new LoggingSetup.Settings("account-service",
                LoggingSetup.Format.JSON, Level.INFO, "", List.of(), 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void autoFormatIsPlainForAPersonAtATerminalAndJsonOtherwise() {
        assertThat(LoggingSetup.Format.forSetting("auto", true)).isEqualTo(LoggingSetup.Format.PLAIN);
        assertThat(LoggingSetup.Format.forSetting("auto", false)).isEqualTo(LoggingSetup.Format.JSON);
        assertThat(LoggingSetup.Format.forSetting("json", true)).isEqualTo(LoggingSetup.Format.JSON);
        assertThat(LoggingSetup.Format.forSetting("plain", false)).isEqualTo(LoggingSetup.Format.PLAIN);
    }
}
