package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What a terminal shows after ConsoleProgress drew on it, replayed by a minimal terminal model. */
class ConsoleProgressTest {

    /** The screen after {@code \r}, {@code \n} and printable characters (the only ones written). */
    static List<String> screen(String written) {
        List<StringBuilder> lines = new ArrayList<>();
        lines.add(new StringBuilder());
        int row = 0;
        int col = 0;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '\r') {
                col = 0;
            } else if (c == '\n') {
                row++;
                col = 0;
                if (row == lines.size()) {
                    lines.add(new StringBuilder());
                }
            } else {
                assertTrue(c >= ' ', "no control characters but CR and LF: " + (int) c);
                StringBuilder l = lines.get(row);
                while (l.length() < col) {
                    l.append(' ');
                }
                if (col < l.length()) {
                    l.setCharAt(col, c);
                } else {
                    l.append(c);
                }
                col++;
            }
        }
        List<String> out = new ArrayList<>();
        for (StringBuilder l : lines) {
            out.add(l.toString().stripTrailing());
        }
        return out;
    }

    @Test
    void everyStepIsClearedWhenItEnds() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleProgress p = new ConsoleProgress(err, 60);
        p.begin("read", 3_365_774);
        p.advance(1_000_000);
        Thread.sleep(250);
        p.end();
        p.begin("communities (Leiden)", -1); // a stage of unknown size
        p.begin("leiden", 2);                // an algorithm inside it, stopped short of its total
        p.advance(1);
        Thread.sleep(250);
        p.end();
        Thread.sleep(250);
        p.end();
        p.end(); // an extra end() is harmless
        err.print("summary line\n");
        String written = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(written.contains("read "), written);
        assertTrue(written.contains("communities (Leiden) › leiden"), written);
        assertEquals(List.of("summary line", ""), screen(written));
    }

    @Test
    void linesFitTheTerminalAndGroupThousands() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleProgress p = new ConsoleProgress(err, 40);
        p.begin("generate", 1_460_000);
        p.advance(730_000);
        Thread.sleep(300);
        String mid = bytes.toString(StandardCharsets.UTF_8);
        List<String> shown = screen(mid);
        assertEquals(1, shown.size(), "one line");
        assertTrue(shown.get(0).length() <= 39, shown.get(0));
        assertTrue(shown.get(0).startsWith("generate  50%"), shown.get(0)); // too narrow for the bar itself
        p.end();
        ConsoleProgress wide = new ConsoleProgress(err, 120);
        bytes.reset();
        wide.begin("generate", 1_460_000);
        wide.advance(730_000);
        Thread.sleep(300);
        String line = screen(bytes.toString(StandardCharsets.UTF_8)).get(0);
        assertTrue(line.contains("730,000/1,460,000"), line);
        wide.end();
        assertEquals(List.of(""), screen(bytes.toString(StandardCharsets.UTF_8)));
    }
}
