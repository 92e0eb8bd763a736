package io.parceltrack.apps.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

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
    void masksSecretsInMdcValuesAndExceptionsInJson() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggingSetup.configure(new LoggingSetup.Settings("account-service", LoggingSetup.Format.JSON, Level.INFO, "",
                List.of("s3cret-db-password")));
        MDC.put("token", "pt_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
        try {
            LoggerFactory.getLogger("test").warn("connecting failed",
                    new IllegalStateException("password s3cret-db-password rejected for 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1",
                            new RuntimeException("s3cret-db-password")));
        } finally {
            MDC.remove("token");
        }

        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("\"token\":\"" + LoggingSetup.MASK + "\"")
                .contains("password " + LoggingSetup.MASK + " rejected for " + LoggingSetup.MASK)
                .doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1")
                .doesNotContain("pt_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
                .doesNotContain("s3cret-db-password");
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
    void autoFormatIsPlainForAPersonAtATerminalAndJsonOtherwise() {
        assertThat(LoggingSetup.Format.forSetting("auto", true)).isEqualTo(LoggingSetup.Format.PLAIN);
        assertThat(LoggingSetup.Format.forSetting("auto", false)).isEqualTo(LoggingSetup.Format.JSON);
        assertThat(LoggingSetup.Format.forSetting("json", true)).isEqualTo(LoggingSetup.Format.JSON);
        assertThat(LoggingSetup.Format.forSetting("plain", false)).isEqualTo(LoggingSetup.Format.PLAIN);
    }
}
