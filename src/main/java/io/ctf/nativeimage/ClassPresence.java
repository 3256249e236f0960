package io.ctf.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is on the image's class path: an optional artifact, judged by one class it holds; a file; the
 * providers the {@code META-INF/services} files name for a service. Asked while the image is built.
 */
final class ClassPresence {

    private ClassPresence() {
    }

    static boolean present(String className) {
        try {
            // Not initialised: the question is only whether the artifact is there.
            Class.forName(className, false, ClassPresence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    static boolean resourcePresent(String path) {
        return ClassPresence.class.getClassLoader().getResource(path) != null;
    }

    /** The provider class names every {@code META-INF/services/<service>} file names, comments left out. */
    static Set<String> serviceProviders(String service) throws IOException {
        Set<String> named = new TreeSet<>();
        Enumeration<URL> files = ClassPresence.class.getClassLoader().getResources("META-INF/services/" + service);
        while (files.hasMoreElements()) {
            try (InputStream in = files.nextElement().openStream()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    String provider = line.replaceAll("#.*", "").trim();
                    if (!provider.isEmpty()) {
                        named.add(provider);
                    }
                }
            }
        }
        return named;
    }
}
