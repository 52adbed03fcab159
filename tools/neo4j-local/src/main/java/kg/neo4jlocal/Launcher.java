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

/**
 * Runs the Neo4j community engine embedded, exposing only Bolt on loopback, so dev and tests get
 * the real database without Docker or a server install.
 *
 * <p>Contract with neo4j-local.mjs: stdout carries exactly one line, {@code READY bolt://127.0.0.1:N},
 * once the default database accepts work; everything else goes to stderr; non-zero exit on failure.
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";
    /** Neo4j's standard home subdirectories plus neo4j-local.mjs's launcher.* files. */
    private static final Set<String> HOME_ENTRIES = Set.of(
            "data", "logs", "plugins", "import", "run", "certificates", "launcher.log", "launcher.pid", "launcher.port");

    public static void main(String[] args) {
        Path home = null;
        int port = 7687;
        boolean fresh = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(value(args, ++i, "--home"));
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--fresh" -> fresh = true;
                default -> fail("unknown argument: " + args[i]
                        + "\nusage: Launcher --home DIR [--port N] [--fresh]");
            }
        }
        if (home == null) fail("--home DIR is required");
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

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Safe only because Bolt listens on loopback; drivers may send any credentials.
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    // No password on loopback, so no file access through Cypher either:
                    // LOAD CSV FROM 'file:///…' would otherwise read any file the JVM can.
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
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                    .build();
        } catch (Throwable t) {
            fail("Neo4j failed to start: " + rootMessage(t) + "\n(see " + home.resolve("logs/debug.log") + ")", t);
            return;
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
        System.out.println("READY bolt://" + HOST + ":" + port);
        System.out.flush();

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
