package io.parceltrack.apps;

import com.typesafe.config.Config;
import io.parceltrack.apps.config.EnvironmentOverrides;
import java.net.BindException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an app could not start, in the words its operator needs: a port already in use names the
 * variable that moves it, rather than only the server library's message.
 */
final class StartFailure {
    private static final Pattern PORT = Pattern.compile(":(\\d{1,5})\\b");

    private StartFailure() {}

    static String explain(Throwable failure, Config config) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                return portInUse(failure, config);
            }
        }
        return failure.toString();
    }

    private static String portInUse(Throwable failure, Config config) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher port = PORT.matcher(String.valueOf(cause.getMessage()));
            while (port.find()) {
                List<String> variables = variablesSetTo(config, Integer.parseInt(port.group(1)));
                if (!variables.isEmpty()) {
                    return "port " + port.group(1) + " is already in use by another program; free it or choose another"
                            + " port with " + String.join(" or ", variables);
                }
            }
        }
        return "a port it listens on is already in use by another program (" + failure.getMessage()
                + "); see the *_PORT settings in ./parceltrack settings";
    }

    private static List<String> variablesSetTo(Config config, int port) {
        return EnvironmentOverrides.variables(config).entrySet().stream()
                .filter(entry -> entry.getValue().endsWith(".port"))
                .filter(entry -> String.valueOf(config.getValue(entry.getValue()).unwrapped()).equals(String.valueOf(port)))
                .map(java.util.Map.Entry::getKey)
                .toList();
    }
}
