package org.parcelnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of README.md's "Using the library", compiled and run as written: imports go to
 * the top of a class, the statements into its {@code main}. Each snippet is followed in the README by
 * the output it prints, which must match. Paths in the snippets are relative to the repository root.
 */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    /** A snippet and the output the README says it prints. */
    record Snippet(String code, String printed) {
    }

    static List<Snippet> snippets() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Using the library");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end);
        Matcher m = Pattern.compile("```java\\n(.*?)```\\s*prints\\s*```\\n(.*?)```", Pattern.DOTALL).matcher(section);
        List<Snippet> out = new ArrayList<>();
        while (m.find()) {
            out.add(new Snippet(m.group(1), m.group(2)));
        }
        return out;
    }

    @Test
    void everyLibrarySnippetCompilesRunsAndPrintsWhatTheReadmeShows() throws Exception {
        List<Snippet> snippets = snippets();
        assertEquals(2, snippets.size(), "README's library section has two snippets, each with its output");
        for (int i = 0; i < snippets.size(); i++) {
            assertEquals(snippets.get(i).printed(), run(snippets.get(i).code(), "Snippet" + i));
        }
    }

    /** Compiles the snippet as class {@code name}, runs its main and returns what it printed. */
    private String run(String code, String name) throws Exception {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : code.split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String source = imports + "public class " + name + " {\n public static void main(String[] args) throws Exception {\n"
                + body.toString().replace("Path.of(\"sample-data/", "Path.of(\"../sample-data/") + "}\n}\n";
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-proc:none", "-cp", classPath, "-d", dir.toString(), file.toString());
        assertEquals(0, rc, "the README snippet compiles:\n" + errors.toString(StandardCharsets.UTF_8) + "\n" + source);
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(name).getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"), "snippet output ends with a newline");
        return text;
    }
}
