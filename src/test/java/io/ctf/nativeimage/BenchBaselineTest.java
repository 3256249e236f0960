package io.ctf.nativeimage;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native start-up goal (issue 17) is a ratio to "a bare Funqy function, same Quarkus, same
 * extensions": bench/baseline/pom.xml's {@code extensions} profile. Its extensions (with their
 * exclusions) and image-wide native settings must stay those of the project, or the ratio drifts
 * without anyone noticing; the plain bare function must stay bare.
 */
class BenchBaselineTest {

    static final Path PROJECT_POM = Path.of("pom.xml");
    static final Path BASELINE_POM = Path.of("bench/baseline/pom.xml");

    @Test
    void theYardstickHasEveryQuarkusExtensionOfTheProjectAndNoOther() throws Exception {
        Element project = root(PROJECT_POM);
        Element baseline = root(BASELINE_POM);
        List<String> yardstick = new ArrayList<>(quarkusExtensions(child(baseline, "dependencies")));
        yardstick.addAll(quarkusExtensions(child(profile(baseline, "extensions"), "dependencies")));

        assertThat(new TreeSet<>(yardstick)).isEqualTo(new TreeSet<>(quarkusExtensions(child(project, "dependencies"))))
                .contains("io.quarkus:quarkus-rest-client-jackson excluding [io.netty:netty-codec-haproxy, io.smallrye.reactive:vertx-mutiny-generator, io.vertx:vertx-codegen]");
        assertThat(yardstick).doesNotHaveDuplicates();
    }

    @Test
    void theBareFunctionHasFunqyAlone() throws Exception {
        assertThat(quarkusExtensions(child(root(BASELINE_POM), "dependencies")))
                .containsExactly("io.quarkus:quarkus-funqy-amazon-lambda");
    }

    @Test
    void theYardstickIsBuiltWithTheProjectsQuarkusAndNativeSettings() throws Exception {
        Element project = root(PROJECT_POM);
        Element baseline = root(BASELINE_POM);
        assertThat(text(child(baseline, "properties"), "quarkus.version")).isEqualTo(text(child(project, "properties"), "quarkus.version"));
        assertThat(text(child(baseline, "properties"), "quarkus-logging-json.version"))
                .isEqualTo(text(child(project, "properties"), "quarkus-logging-json.version"));

        Properties app = NativeConfigTest.applicationProperties();
        Element settings = child(profile(baseline, "extensions"), "properties");
        // The run-time initialised classes are the project's own (SDK classes the echo does not have); -Os is image-wide.
        List<String> projectArgs = NativeConfigTest.buildArgs().stream().filter(a -> !a.startsWith(NativeConfigTest.RUN_TIME_INIT)).toList();
        assertThat(text(settings, "quarkus.native.additional-build-args").split(",")).containsExactlyElementsOf(projectArgs);
        assertThat(text(settings, "quarkus.ssl.native")).isEqualTo(app.getProperty("quarkus.ssl.native"));
        assertThat(text(settings, "quarkus.native.enable-https-url-handler"))
                .isEqualTo(app.getProperty("quarkus.native.enable-https-url-handler"));
    }

    /** {@code group:artifact excluding [...]} of each Quarkus extension (io.quarkus:quarkus-*) of compile scope. */
    static List<String> quarkusExtensions(Element dependencies) {
        List<String> extensions = new ArrayList<>();
        for (Element d : children(dependencies, "dependency")) {
            String group = text(d, "groupId");
            String artifact = text(d, "artifactId");
            String scope = text(d, "scope");
            if (!"io.quarkus".equals(group) || !artifact.startsWith("quarkus-") || (scope != null && !scope.equals("compile"))) {
                continue;
            }
            Element exclusions = child(d, "exclusions");
            List<String> excluded = exclusions == null ? List.of() : children(exclusions, "exclusion").stream()
                    .map(e -> text(e, "groupId") + ":" + text(e, "artifactId")).sorted().toList();
            extensions.add(group + ":" + artifact + (excluded.isEmpty() ? "" : " excluding " + excluded));
        }
        return extensions;
    }

    static Element root(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    static Element profile(Element project, String id) {
        return children(child(project, "profiles"), "profile").stream().filter(p -> id.equals(text(p, "id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no profile " + id + " in " + BASELINE_POM));
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
