package kg.neo4jlocal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

import inet.ipaddr.IPAddressString;

/**
 * Runs the Neo4j community engine embedded, exposing only Bolt on loopback, so dev and tests get
 * the real database without Docker or a server install.
 *
 * <p>Contract with neo4j-local.mjs: stdout carries exactly one line, {@code READY bolt://127.0.0.1:N},
 * once the default database accepts work; everything else goes to stderr; non-zero exit on failure.
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";
    /** Neo4j's standard home subdirectories plus neo4j-local.mjs's launcher.* and password files. */
    private static final Set<String> HOME_ENTRIES = Set.of(
            "data", "logs", "plugins", "import", "run", "certificates", "launcher.log", "launcher.pid", "launcher.port",
            "password", LocalAuth.MARKER);

    public static void main(String[] args) {
        Path home = null;
        int port = 7687;
        boolean fresh = false;
        Path passwordFile = null;
        boolean unsafeOpen = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(value(args, ++i, "--home"));
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--fresh" -> fresh = true;
                case "--password-file" -> passwordFile = Path.of(value(args, ++i, "--password-file"));
                // The configuration of kg before issue 10 (no auth, no URL blocklist), for the tests that
                // show the attacks it allowed. neo4j-local.mjs offers it to code only, not on its CLI.
                case "--unsafe-open-for-tests" -> unsafeOpen = true;
                default -> fail("unknown argument: " + args[i]
                        + "\nusage: Launcher --home DIR --password-file FILE [--port N] [--fresh]");
            }
        }
        if (home == null) fail("--home DIR is required");
        if (passwordFile == null && !unsafeOpen) fail("--password-file FILE is required");
        home = home.toAbsolutePath().normalize();

        // Neo4j reports a busy port only deep inside a lifecycle exception; probing first gives a
        // one-line answer for the most common failure (a second instance, or a Docker neo4j).
        // It must also precede --fresh, so a second launch cannot wipe a running instance's files.
        ensurePortFree(port);

        try {
            if (fresh) deleteTree(home);
            Files.createDirectories(home);
        } catch (IOException e) {
            fail("cannot prepare home " + home + ": " + e);
        }

        String password = null;
        if (unsafeOpen) {
            System.err.println("neo4j-local: WARNING: --unsafe-open-for-tests: no auth, no URL blocklist");
        } else {
            try {
                password = LocalAuth.readPassword(passwordFile);
                if (LocalAuth.isNewHome(home)) {
                    LocalAuth.writeInitialPassword(home, password);
                } else if (!LocalAuth.isMarked(home)) {
                    // A home from before auth: its neo4j user still has the default password.
                    System.err.println("neo4j-local: setting the password of an existing home (Bolt stays closed meanwhile)");
                    DatabaseManagementService offline = configure(home, port, false, true).build();
                    try {
                        LocalAuth.setPassword(offline, password);
                    } finally {
                        offline.shutdown();
                    }
                    LocalAuth.mark(home);
                }
            } catch (Throwable t) {
                fail("cannot set up the password: " + rootMessage(t), t);
            }
        }

        DatabaseManagementService dbms;
        try {
            dbms = configure(home, port, true, !unsafeOpen).build();
        } catch (Throwable t) {
            fail("Neo4j failed to start: " + rootMessage(t) + "\n(see " + home.resolve("logs/debug.log") + ")", t);
            return;
        }
        if (password != null) {
            try {
                LocalAuth.setPassword(dbms, password);
                LocalAuth.mark(home);
            } catch (Throwable t) {
                fail("cannot set the password: " + rootMessage(t), t);
            }
        }

        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT run shutdown hooks; a clean shutdown checkpoints the store so the next start
        // skips recovery.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("neo4j-local: shutting down");
            try {
                dbms.shutdown();
                System.err.println("neo4j-local: stopped cleanly");
            } catch (Throwable t) {
                System.err.println("neo4j-local: error during shutdown: " + rootMessage(t));
            } finally {
                stopped.countDown();
            }
        }, "neo4j-local-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            fail("default database did not become available (see " + home.resolve("logs/debug.log") + ")");
        }
        // neo4j-local.mjs reads "auth=on" to tell an instance started before auth from a current one.
        System.out.println("READY bolt://" + HOST + ":" + port + (unsafeOpen ? " auth=off" : " auth=on"));
        System.out.flush();

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DatabaseManagementServiceBuilder configure(Path home, int port, boolean bolt, boolean secure) {
        var builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, bolt)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Loopback is not private: any web page in the user's browser can open
                // ws://127.0.0.1:PORT (Bolt also speaks WebSocket, and checks no Origin).
                .setConfig(GraphDatabaseSettings.auth_enabled, secure)
                // No lock-out: the password is 256 random bits, so guessing is hopeless anyway, and a
                // page trying wrong passwords must not lock the user's own kg out of the database.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                // LOAD CSV FROM 'file:///…' would read any file the JVM can.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Sized for a dev box / 2-core CI runner, not for production data volumes.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                // Preallocating every tx log file just wastes disk for throwaway test stores.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Netty's default 5 s quiet period, paid twice, made every stop take ~10 s;
                // nothing is in flight on a dev/test box when we stop it.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5));
        if (secure) {
            // kg's query paths refuse LOAD CSV and APOC's loaders; should a query slip past that check,
            // the server still fetches nothing: no address is allowed (read-only queries may LOAD CSV,
            // which would make the database fetch any URL, loopback services included).
            // (internal.dbms.cypher_ip_blocklist: Neo4j 5.26 keeps the setting internal, but it is the one
            // LOAD CSV checks every address against, redirects included.)
            builder.setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                    List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")));
        }
        return builder;
    }

    private static void ensurePortFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            // Tolerate TIME_WAIT sockets left by a previous instance that was just stopped.
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            fail("port " + port + " on " + HOST + " is already in use (" + e.getMessage()
                    + "); stop the other process or pass a different --port");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        // --fresh is rm -rf: refuse if a mistyped --home points at something that is not a Neo4j home.
        try (Stream<Path> top = Files.list(dir)) {
            var foreign = top.map(p -> p.getFileName().toString()).filter(n -> !HOME_ENTRIES.contains(n)).toList();
            if (!foreign.isEmpty()) fail("refusing --fresh: " + dir + " holds files a Neo4j home never has: " + foreign);
        }
        // The store lock catches an instance on the same home but a different port.
        Path storeLock = dir.resolve("data/databases/store_lock");
        if (Files.exists(storeLock)) {
            try (FileChannel ch = FileChannel.open(storeLock, StandardOpenOption.WRITE);
                    FileLock lock = ch.tryLock()) {
                if (lock == null) fail("refusing --fresh: another Neo4j is using " + dir);
            } catch (OverlappingFileLockException e) {
                fail("refusing --fresh: " + dir + " is locked");
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) fail(flag + " needs a value");
        return args[i];
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s);
            if (p > 0 && p < 65536) return p;
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        fail("invalid --port: " + s);
        return -1;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root == t ? String.valueOf(t) : t.getMessage() + " -- caused by: " + root;
    }

    private static void fail(String message) {
        fail(message, null);
    }

    private static void fail(String message, Throwable t) {
        System.err.println("neo4j-local: ERROR: " + message);
        if (t != null) t.printStackTrace(System.err);
        System.err.flush();
        // halt, not exit: a half-started DBMS may hold non-daemon threads or hooks that would hang exit.
        Runtime.getRuntime().halt(1);
    }
}
