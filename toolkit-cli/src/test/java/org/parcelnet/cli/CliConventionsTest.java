package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conventions every command shares: the version at any level, errors named by the full command. */
class CliConventionsTest {

    @TempDir
    Path dir;

    @Test
    void versionOnEverySubcommand() {
        String top = CliTestSupport.run("-V").out();
        assertTrue(top.startsWith("parcelnet "), top);
        for (String[] args : new String[][] {{"analyze", "-V"}, {"link", "-V"}, {"generate", "--version"},
                {"convert", "openflights", "-V"}}) {
            CliTestSupport.Run r = CliTestSupport.run(args);
            assertEquals(0, r.exitCode(), String.join(" ", args));
            assertEquals(top, r.out(), String.join(" ", args));
        }
    }

    @Test
    void errorsNameTheFullCommand() {
        CliTestSupport.Run r = CliTestSupport.run("convert", "openflights", "--in", dir.resolve("none").toString(),
                "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("parcelnet convert openflights: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
