package org.filmpalette.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesLockTest {

    @TempDir
    Path dir;

    @Test
    void secondRunOnTheSameTablesIsRefusedWithTheHoldersName() {
        PaletteTables tables = new PaletteTables(SharedSpark.session(), "file:" + dir);
        try (TablesLock first = TablesLock.acquire(tables, "run-one")) {
            TablesLockedException refused = assertThrows(TablesLockedException.class,
                    () -> TablesLock.acquire(tables, "run-two"));
            assertTrue(refused.getMessage().contains("run run-one on "), refused.getMessage());
            assertTrue(refused.getMessage().contains("expires 10 minutes after its last heartbeat"));
        }
        assertFalse(Files.exists(dir.resolve("_lock")), "closing releases the lock");
        assertDoesNotThrow(() -> TablesLock.acquire(tables, "run-three").close());
    }

    @Test
    void lockOfAProcessThatIsGoneIsTakenOver() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Files.writeString(dir.resolve("_lock"), "run_id=crashed\nhost=" + java.net.InetAddress.getLocalHost()
                .getHostName() + "\npid=" + finished.pid() + "\nstarted_at=2026-01-01T00:00:00Z\n");

        PaletteTables tables = new PaletteTables(SharedSpark.session(), "file:" + dir);
        assertDoesNotThrow(() -> TablesLock.acquire(tables, "next").close());
    }

    @Test
    void lockWithoutHeartbeatForTenMinutesExpires() throws Exception {
        File lock = Files.writeString(dir.resolve("_lock"),
                "run_id=elsewhere\nhost=another-host\npid=1\nstarted_at=2026-01-01T00:00:00Z\n").toFile();
        PaletteTables tables = new PaletteTables(SharedSpark.session(), "file:" + dir);
        assertThrows(TablesLockedException.class, () -> TablesLock.acquire(tables, "too-early"));

        assertTrue(lock.setLastModified(System.currentTimeMillis() - 11 * 60 * 1000));

        assertDoesNotThrow(() -> TablesLock.acquire(tables, "later").close());
    }
}
