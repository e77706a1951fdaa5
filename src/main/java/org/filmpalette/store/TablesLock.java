package org.filmpalette.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time per tables root: the file {@code <tables>/_lock}, created exclusively on the tables' own
 * filesystem, names its run, host and process and is rewritten every {@link #HEARTBEAT} while the run lives.
 * A lock expires when its heartbeat is older than {@link #EXPIRY}, or at once when its process is gone from this
 * host, so a crashed run never blocks the next one for long.
 */
public final class TablesLock implements AutoCloseable {

    static final String FILE = "_lock";
    static final Duration HEARTBEAT = Duration.ofMinutes(1);
    static final Duration EXPIRY = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(TablesLock.class);

    private final FileSystem fs;
    private final Path file;
    private final String content;
    private final ScheduledExecutorService heartbeat;

    private TablesLock(FileSystem fs, Path file, String content) {
        this.fs = fs;
        this.file = file;
        this.content = content;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "filmpalette-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes the lock of {@code tables} for {@code runId}, or throws {@link TablesLockedException}. */
    public static TablesLock acquire(PaletteTables tables, String runId) {
        FileSystem fs = tables.fileSystem();
        Path file = new Path(tables.root(), FILE);
        String content = "run_id=" + runId + "\nhost=" + host() + "\npid=" + ProcessHandle.current().pid()
                + "\nstarted_at=" + Instant.now() + "\n";
        try {
            fs.mkdirs(tables.root());
            if (!create(fs, file, content)) {
                Properties holder = read(fs, file);
                if (!isStale(fs, file, holder)) {
                    throw new TablesLockedException("Another filmpalette run holds " + file + " (run "
                            + holder.getProperty("run_id") + " on " + holder.getProperty("host") + ", pid "
                            + holder.getProperty("pid") + ", started " + holder.getProperty("started_at")
                            + "); it expires " + EXPIRY.toMinutes() + " minutes after its last heartbeat");
                }
                LOG.warn("Taking over the stale lock of run {} ({})", holder.getProperty("run_id"), file);
                fs.delete(file, false);
                if (!create(fs, file, content)) {
                    throw new TablesLockedException("Another filmpalette run took " + file + " first");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the tables at " + tables.root(), e);
        }
        return new TablesLock(fs, file, content);
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            fs.delete(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the lock " + file, e);
        }
    }

    private void beat() {
        try (OutputStream out = fs.create(file, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("Lock heartbeat failed on {}: {}", file, e.toString());
        }
    }

    private static boolean create(FileSystem fs, Path file, String content) throws IOException {
        try (OutputStream out = fs.create(file, false)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (fs.exists(file)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean isStale(FileSystem fs, Path file, Properties holder) throws IOException {
        long age = System.currentTimeMillis() - fs.getFileStatus(file).getModificationTime();
        if (age > EXPIRY.toMillis()) {
            return true;
        }
        if (host().equals(holder.getProperty("host"))) {
            try {
                long pid = Long.parseLong(holder.getProperty("pid", ""));
                return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static Properties read(FileSystem fs, Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = fs.open(file)) {
            properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        return properties;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
