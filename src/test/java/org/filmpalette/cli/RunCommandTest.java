package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Bad configuration is one line naming the flag and value, exit code 2, and nothing written. */
class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void paletteSizeZeroIsRefusedBeforeAnythingIsWritten() {
        assertRefused("filmpalette: Invalid --k: 0 (must be between 2 and 64)", "--k", "0");
    }

    @Test
    void paletteSizeThousandIsRefused() {
        assertRefused("filmpalette: Invalid --k: 1000 (must be between 2 and 64)", "--k", "1000");
    }

    @Test
    void sampleZeroIsRefused() {
        assertRefused("filmpalette: Invalid --sample: 0 (must be between 16 and 1000000)", "--sample", "0");
    }

    @Test
    void unknownColorSpaceIsRefused() {
        assertRefused("filmpalette: Invalid --color-space: xyz (must be lab, rgb or hsv)", "--color-space", "xyz");
    }

    @Test
    void aFlagThatIsNotANumberIsRefusedNamingIt() {
        assertRefused("filmpalette: Invalid --k: eight (not a whole number)", "--k", "eight");
    }

    @Test
    void aFileOnlySettingIsNamedByItsKey() {
        assertRefused("filmpalette: Invalid filmpalette.max-iterations: 0 (must be between 1 and 1000)", "--conf",
                "filmpalette.max-iterations=0");
    }

    @Test
    void aMissingConfigFileIsRefused() {
        Path missing = dir.resolve("none.properties");
        assertRefused("filmpalette: Invalid --config: " + missing + " (no such file)", "--config", missing.toString());
    }

    @Test
    void aFlagWinsOverConfWhichWinsOverTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("run.properties"), "filmpalette.k = 1\nfilmpalette.sample = 0\n");
        String sampleRefused = "filmpalette: Invalid --sample: 0 (must be between 16 and 1000000)";
        assertRefused("filmpalette: Invalid --k: 1 (must be between 2 and 64)", "--config", file.toString());
        assertRefused(sampleRefused, "--config", file.toString(), "--conf", "filmpalette.k=5");
        assertRefused(sampleRefused, "--config", file.toString(), "--conf", "filmpalette.k=1", "--k", "5");
    }

    @Test
    void unknownConfigurationKeyIsRefused() {
        String[] result = execute("run", "--input", input().toString(), "--tables", tables().toString(),
                "--conf", "filmpalette.colour=lab");
        assertEquals("2", result[0]);
        assertEquals(true, result[1].startsWith("filmpalette: Unknown configuration key: filmpalette.colour"),
                result[1]);
        assertFalse(Files.exists(tables()));
    }

    @Test
    void tablesInsideTheInputAreRefused() {
        Path inside = input().resolve("palettes");
        String[] result = execute("run", "--input", input().toString(), "--tables", inside.toString());
        assertEquals("2", result[0]);
        assertEquals("filmpalette: Invalid --tables: file:" + inside + " (must not be inside --input file:" + input()
                + ": the tables would be read as frames)", result[1].strip());
        assertFalse(Files.exists(inside));
    }

    @Test
    void unknownFlagIsAUsageError() {
        String[] result = execute("run", "--colour-space", "lab");
        assertEquals("2", result[0]);
        assertEquals(true, result[1].startsWith("Unknown options: '--colour-space', 'lab'"), result[1]);
    }

    private void assertRefused(String message, String... flag) {
        String[] args = new String[4 + flag.length];
        args[0] = "run";
        System.arraycopy(flag, 0, args, 1, flag.length);
        args[flag.length + 1] = "--input";
        args[flag.length + 2] = input().toString();
        args[flag.length + 3] = "--tables=" + tables();
        String[] result = execute(args);
        assertEquals("2", result[0], result[1]);
        assertEquals(message, result[1].strip());
        assertFalse(Files.exists(tables()), "nothing may be written");
    }

    private Path input() {
        Path input = dir.resolve("frames");
        if (!Files.exists(input)) {
            TestImages.writePng(input.resolve("film/a.png"), TestImages.solid(8, 8, 0x123456));
        }
        return input;
    }

    private Path tables() {
        return dir.resolve("tables");
    }

    /** Exit code and standard error of an in-process run. */
    private static String[] execute(String... args) {
        CommandLine commandLine = Main.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        int code = commandLine.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }
}
