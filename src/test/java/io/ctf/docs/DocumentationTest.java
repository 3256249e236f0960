package io.ctf.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.ctf.deploy.CloudFormationYaml;

/**
 * The README is the landing page and docs/ the reference: their links must lead somewhere, the
 * functions table must name every function the build exports, and the README must stay short.
 * Reads the files of the working tree (Maven runs tests in the project directory).
 */
class DocumentationTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path README = ROOT.resolve("README.md");
    static final Path DEPLOY = ROOT.resolve("docs/deploy.md");
    static final Path TEMPLATE = ROOT.resolve("template.yaml");
    static final int README_MAX_BYTES = 15_000;

    // [text](target) or [text](target "title"); images too. Targets never hold spaces here.
    static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    static final Pattern FUNQ = Pattern.compile("@Funq(?![\\w.])(?:\\s*\\(\\s*(?:value\\s*=\\s*)?\"([^\"]*)\"\\s*\\))?");
    static final Pattern METHOD_NAME = Pattern.compile("(\\w+)\\s*\\(");

    @Test
    void everyRelativeLinkResolvesToAFileAndHeading() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            for (String target : links(read(page))) {
                if (isExternal(target)) {
                    continue;
                }
                checked++;
                String problem = problemWith(page, target);
                if (problem != null) {
                    broken.add(ROOT.relativize(page) + ": (" + target + ") " + problem);
                }
            }
        }
        assertTrue(checked > 10, "expected the README and docs/ to link to each other, found " + checked + " relative links");
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void everyFunqFunctionHasARowInTheReadmeFunctionsTable() {
        Set<String> declared = funqNames();
        assertFalse(declared.isEmpty(), "no @Funq function found under src/main/java");
        Set<String> rows = functionsTableRows(read(README));
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(rows);
        assertEquals(Set.of(), missing, "@Funq functions without a row in README.md's functions table");
        Set<String> stale = new TreeSet<>(rows);
        stale.removeAll(declared);
        assertEquals(Set.of(), stale, "rows of README.md's functions table naming no @Funq function");
    }

    @Test
    void everyTemplateParameterHasARowInDeployMdWithItsDefault() throws IOException {
        Map<String, Object> parameters = section(CloudFormationYaml.read(TEMPLATE), "Parameters");
        Map<String, List<String>> rows = tableRows(read(DEPLOY), List.of("parameter", "default", "meaning"));
        List<String> problems = new ArrayList<>();
        parameters.forEach((name, definition) -> {
            List<String> row = rows.get(name);
            if (row == null) {
                problems.add(name + ": no row");
                return;
            }
            Object value = ((Map<?, ?>) definition).get("Default");
            String expected = value == null ? "(none)" : value.toString().isEmpty() ? "(empty)" : "`" + value + "`";
            if (!row.get(1).equals(expected)) {
                problems.add(name + ": default cell '" + row.get(1) + "', template's " + expected);
            }
            if (row.get(2).isBlank()) {
                problems.add(name + ": no meaning");
            }
        });
        rows.keySet().stream().filter(name -> !parameters.containsKey(name))
                .forEach(name -> problems.add(name + ": a row for no parameter of template.yaml"));
        assertEquals(List.of(), problems, "docs/deploy.md's parameter table against template.yaml");
    }

    @Test
    void everyTemplateOutputHasARowInDeployMd() throws IOException {
        Map<String, Object> outputs = section(CloudFormationYaml.read(TEMPLATE), "Outputs");
        Map<String, List<String>> rows = tableRows(read(DEPLOY), List.of("output", "meaning"));
        List<String> problems = new ArrayList<>();
        for (String name : outputs.keySet()) {
            List<String> row = rows.get(name);
            if (row == null) {
                problems.add(name + ": no row");
            } else if (row.get(1).isBlank()) {
                problems.add(name + ": no meaning");
            }
        }
        rows.keySet().stream().filter(name -> !outputs.containsKey(name))
                .forEach(name -> problems.add(name + ": a row for no output of template.yaml"));
        assertEquals(List.of(), problems, "docs/deploy.md's output table against template.yaml");
    }

    @Test
    void tableRowsAreReadByTheirFirstCellsNames() {
        String page = "| output | meaning |\n|---|---|\n| `A`, `B` | both |\n\n| other | meaning |\n|---|---|\n| `C` | no |\n";
        Map<String, List<String>> rows = tableRows(page, List.of("output", "meaning"));
        assertEquals(Set.of("A", "B"), rows.keySet());
        assertEquals(List.of("`A`, `B`", "both"), rows.get("B"));
    }

    @Test
    void readmeStaysALandingPage() throws IOException {
        long size = Files.size(README);
        assertTrue(size < README_MAX_BYTES, "README.md is " + size + " bytes; reference belongs in docs/ (limit "
                + README_MAX_BYTES + ")");
    }

    @Test
    void headingSlugsAreGitHubs() {
        assertEquals("secrets-where-they-live-and-why", slug("Secrets: where they live and why"));
        assertEquals("1-store-the-composio-api-key", slug("1. Store the Composio API key"));
        assertEquals("enabletrigger-disabletrigger-deletetrigger", slug("enableTrigger, disableTrigger, deleteTrigger"));
        assertEquals("jvm-options-for-the-template", slug("JVM options for the `template`"));
        assertEquals("snake_case-and-kebab-case", slug("snake_case and kebab-case"));
        assertEquals(Set.of("errors", "errors-1", "x"), anchors("## Errors\n```\n# not a heading\n```\n### Errors\n# X\n"));
    }

    // --- links ------------------------------------------------------------------------------------

    static String problemWith(Path page, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "points outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file " + ROOT.relativize(resolved);
        }
        if (anchor == null || anchor.isEmpty()) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        Set<String> anchors = anchors(read(resolved));
        return anchors.contains(anchor) ? null : "no heading '#" + anchor + "' in " + ROOT.relativize(resolved)
                + " (it has " + anchors + ")";
    }

    static boolean isExternal(String target) {
        String t = target.toLowerCase(Locale.ROOT);
        return t.startsWith("http://") || t.startsWith("https://") || t.startsWith("mailto:");
    }

    static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        for (String line : outsideCode(markdown)) {
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** GitHub's heading anchors: the slug, and -1, -2... for later headings with the same slug. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : outsideCode(markdown)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String slug = slug(m.group(2));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return anchors;
    }

    /** Lower case, inline markup dropped, punctuation but '-' and '_' removed, spaces to '-'. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // a link's text only
                .replaceAll("<[^>]+>", "");
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                .replace(' ', '-');
    }

    /** The lines that are not inside a fenced code block. */
    static List<String> outsideCode(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
            } else if (!inFence) {
                lines.add(line);
            }
        }
        return lines;
    }

    // --- the functions table -------------------------------------------------------------------------

    /** The function named in the first cell of each row of the README's "Functions" table. */
    static Set<String> functionsTableRows(String readme) {
        Set<String> names = new TreeSet<>();
        boolean inSection = false;
        for (String line : outsideCode(readme)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                inSection = heading.group(1).length() == 2 && heading.group(2).equalsIgnoreCase("Functions");
                continue;
            }
            if (!inSection || !line.startsWith("|") || line.matches("^\\|[\\s:|-]+$")) {
                continue;
            }
            String firstCell = line.substring(1).split("\\|", -1)[0];
            Matcher code = Pattern.compile("`([^`]+)`").matcher(firstCell);
            if (code.find() && !firstCell.trim().equals("function")) {
                names.add(code.group(1));
            }
        }
        return names;
    }

    static Set<String> funqNames() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("src/main/java"))) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = withoutComments(read(source));
                Matcher m = FUNQ.matcher(code);
                while (m.find()) {
                    if (m.group(1) != null && !m.group(1).isEmpty()) {
                        names.add(m.group(1));
                    } else { // @Funq without a name: the function is named after the method
                        Matcher method = METHOD_NAME.matcher(code);
                        if (method.find(m.end())) {
                            names.add(method.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static String withoutComments(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }

    // --- template.yaml's parameters and outputs ----------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> template, String name) {
        Map<String, Object> section = (Map<String, Object>) template.get(name);
        assertTrue(section != null && !section.isEmpty(), "template.yaml has no " + name);
        return section;
    }

    /**
     * The rows of the tables whose header row is exactly {@code header}, by each name in backticks in
     * their first cell (one row may name several), as their trimmed cells.
     */
    static Map<String, List<String>> tableRows(String markdown, List<String> header) {
        Map<String, List<String>> rows = new HashMap<>();
        boolean inTable = false;
        for (String line : outsideCode(markdown)) {
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            List<String> cells = cells(line);
            if (cells.equals(header)) {
                inTable = true;
            } else if (inTable && !line.matches("^\\|[\\s:|-]+$")) {
                Matcher name = Pattern.compile("`([^`]+)`").matcher(cells.get(0));
                while (name.find()) {
                    rows.put(name.group(1), cells);
                }
            }
        }
        return rows;
    }

    static List<String> cells(String row) {
        String inner = row.trim().replaceAll("^\\||\\|$", "");
        return Stream.of(inner.split("\\|", -1)).map(String::trim).toList();
    }

    // --- files ---------------------------------------------------------------------------------------

    static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(pages.size() > 1, "no docs/*.md");
        return pages;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
