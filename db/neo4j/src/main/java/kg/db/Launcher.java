package kg.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs the real Neo4j Community engine with a Bolt connector on 127.0.0.1, so the project needs no
 * Neo4j distribution, only Maven Central. Usage: Launcher STORE_DIR BOLT_PORT [--exit-with-parent].
 *
 * <p>It prints one line "READY bolt://127.0.0.1:PORT" once Bolt accepts connections; callers wait
 * for it. With --exit-with-parent it stops when its stdin closes, so a crashed test runner never
 * leaves an orphaned database behind.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: Launcher STORE_DIR BOLT_PORT [--exit-with-parent]");
      System.exit(2);
    }
    Path store = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    boolean exitWithParent = args.length > 2 && "--exit-with-parent".equals(args[2]);
    Path conf = Path.of(System.getProperty("kg.neo4j.conf", "neo4j.conf")).toAbsolutePath();

    long started = System.nanoTime();
    DatabaseManagementService service =
        new DatabaseManagementServiceBuilder(store)
            .loadPropertiesFromFile(conf)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .build();

    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("STOPPING neo4j");
                  service.shutdown();
                  System.out.println("STOPPED neo4j");
                },
                "neo4j-shutdown"));

    // build() returns once the default database is available and Bolt is bound.
    service.database("neo4j").executeTransactionally("RETURN 1");
    long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
    System.out.println("READY bolt://127.0.0.1:" + port + " started_ms=" + ms);
    System.out.flush();

    if (exitWithParent) {
      InputStream in = System.in;
      while (in.read() != -1) {
        // Drain until the parent closes our stdin.
      }
      System.exit(0);
    }
  }
}
