package kg.neo4jlocal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * The {@code neo4j} user's password, taken from the password file neo4j-local.mjs creates (mode 0600)
 * and never from the command line, where other users of the machine could read it.
 *
 * <p>Bolt must never accept the default {@code neo4j/neo4j} login, not even for the moment between the
 * connector opening and the password being set: whoever logs in first with it may choose the password.
 * So a new home gets the password as Neo4j's initial credentials ({@code data/dbms/auth.ini}, read when
 * the system database is created), and a home that has never had it (one from a version of kg without
 * auth) is started once with Bolt off to set it. {@link #MARKER} records that this home has been done.
 */
final class LocalAuth {
    static final String USER = "neo4j";
    /** In the home; neo4j-local.mjs and {@code Launcher.HOME_ENTRIES} know it. */
    static final String MARKER = "launcher.auth";

    private LocalAuth() {}

    /** The password, after checking that only this user can read or change the file. */
    static String readPassword(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("password file " + file + " is missing");
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> others = EnumSet.of(
                    PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
            others.retainAll(perms);
            if (!others.isEmpty()) {
                throw new IOException("password file " + file + " is open to other users (" + others
                        + "); run chmod 600 on it, or delete it to get a new password");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its ACLs are the user profile's
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.length() < 8) throw new IOException("password file " + file + " holds no usable password");
        return password;
    }

    /** True when the home has no system database yet: the initial credentials will be used. */
    static boolean isNewHome(Path home) {
        return !Files.exists(home.resolve("data/databases/system"));
    }

    static boolean isMarked(Path home) {
        return Files.exists(home.resolve(MARKER));
    }

    /** Writes the password as the initial credentials of a home whose system database does not exist yet. */
    static void writeInitialPassword(Path home, String password) throws Exception {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        try (var fs = new DefaultFileSystemAbstraction()) {
            fs.mkdirs(file.getParent());
            if (fs.fileExists(file)) fs.deleteFile(file);
            var repo = new FileUserRepository(fs, file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            repo.start();
            var credential = SystemGraphCredential.createCredentialForPassword(password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
            repo.create(new User(USER, null, credential, false, false));
            repo.shutdown();
        }
    }

    /**
     * Sets the password in the system database (idempotent). Also the way a changed password file
     * takes effect: the file is what counts, on every start.
     */
    static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to the one it already has: that is the usual case.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) throw e;
        }
    }

    static void mark(Path home) throws IOException {
        Files.writeString(home.resolve(MARKER), "the neo4j user's password is the one in the password file\n");
    }
}
