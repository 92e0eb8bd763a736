package io.parceltrack.deploy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The databases a container is given, and those a PostgreSQL init script creates. */
final class Databases {
    private static final Pattern DATABASE_URL = Pattern.compile("PARCELTRACK_DB_(\\w+)_URL");
    private static final Pattern CREATE_DATABASE = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+\"?(\\w+)\"?");
    /** Where the postgres image looks for scripts to run when it initialises an empty data directory. */
    static final String INIT_SCRIPTS = "/docker-entrypoint-initdb.d";

    private Databases() {}

    /** Role (ACCOUNTS, PARCELS, BOTS) → JDBC URL, for every database URL the container sets. */
    static Map<String, String> urlsByRole(AppContainer container) {
        Map<String, String> urls = new LinkedHashMap<>();
        container.values().forEach((variable, value) -> {
            Matcher matcher = DATABASE_URL.matcher(variable);
            if (matcher.matches() && !value.isBlank()) {
                urls.put(matcher.group(1), value);
            }
        });
        return urls;
    }

    static Set<String> createdBy(String script) {
        Set<String> databases = new LinkedHashSet<>();
        Matcher create = CREATE_DATABASE.matcher(script);
        while (create.find()) {
            databases.add(create.group(1));
        }
        return databases;
    }
}
