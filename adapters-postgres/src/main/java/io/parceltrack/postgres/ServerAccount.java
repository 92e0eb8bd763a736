package io.parceltrack.postgres;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account the bundled PostgreSQL runs as. PostgreSQL refuses to run as root, and a JVM may well
 * be root (a container, a CI machine), so a root JVM starts the server's programs as the
 * unprivileged {@code nobody} through util-linux's {@code setpriv}, and gives it the directories
 * the server writes. Any other user runs the programs as itself.
 */
final class ServerAccount {
    private static final String UNPRIVILEGED = "nobody";

    private final List<String> commandPrefix;
    private final Optional<UserPrincipal> owner;

    private ServerAccount(List<String> commandPrefix, Optional<UserPrincipal> owner) {
        this.commandPrefix = commandPrefix;
        this.owner = owner;
    }

    static ServerAccount forThisJvm() {
        if (new UnixSystem().getUid() != 0) {
            return new ServerAccount(List.of(), Optional.empty());
        }
        String[] passwd = passwdEntry(UNPRIVILEGED).orElseThrow(() -> new IllegalStateException(
                "PostgreSQL refuses to run as root, and there is no user '" + UNPRIVILEGED
                        + "' to run it as; run as a normal user"));
        Path setpriv = Path.of("/usr/bin/setpriv");
        if (!Files.isExecutable(setpriv)) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, and " + setpriv
                    + " (util-linux), which would start it as '" + UNPRIVILEGED + "', is missing; run as a normal user");
        }
        try {
            UserPrincipal nobody = Path.of("/").getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(UNPRIVILEGED);
            return new ServerAccount(List.of(setpriv.toString(), "--reuid=" + passwd[2], "--regid=" + passwd[3],
                    "--clear-groups"), Optional.of(nobody));
        } catch (IOException e) {
            throw new IllegalStateException("could not look up the user '" + UNPRIVILEGED + "'", e);
        }
    }

    /** {@code program} and its arguments, run as this account. */
    List<String> command(List<String> programAndArguments) {
        List<String> command = new ArrayList<>(commandPrefix);
        command.addAll(programAndArguments);
        return command;
    }

    /** How the server's processes are started, for messages. */
    String describe() {
        return owner.map(user -> "as '" + user.getName() + "' (PostgreSQL refuses root)").orElse("as this user");
    }

    /**
     * Hands {@code directory} to this account, after checking that the account can reach it: every
     * directory above it must let others pass through.
     */
    void own(Path directory) throws IOException {
        if (owner.isEmpty()) {
            return;
        }
        for (Path above = directory.toAbsolutePath().getParent(); above != null; above = above.getParent()) {
            if (!Files.getPosixFilePermissions(above).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("PostgreSQL runs as '" + owner.get().getName() + "' here (it refuses root), and "
                        + above + " does not let other users pass through; choose a directory elsewhere"
                        + " (e.g. under /var/lib or /srv) or run as a normal user");
            }
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.toList()) {
                Files.setOwner(path, owner.get());
            }
        }
    }

    private static Optional<String[]> passwdEntry(String user) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream()
                    .map(line -> line.split(":"))
                    .filter(fields -> fields.length >= 4 && fields[0].equals(user))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
