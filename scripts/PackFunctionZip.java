import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the JVM function.zip that Quarkus wrote ({@code lib/*.jar} plus the application's classes
 * at its root) so that a cold start does less work, with the same classes and resources visible:
 * <ul>
 * <li>the ~150 jars of {@code lib/} become one, {@code lib/function-libs.jar}: Lambda's runtime puts every
 * jar of {@code lib/} on one class path in name order, and each class the function loads was
 * looked for jar after jar (and each jar opened on the way); the merged jar keeps that order, so
 * the first copy of an entry wins as it did on the class path, except where the class path
 * offered every copy: {@code META-INF/services/*} and Netty's {@code io.netty.versions.properties} are
 * concatenated in class-path order, and licence and notice files are all kept (under
 * {@code META-INF/licenses/<jar>/}). A jar index ({@code INDEX.LIST}, it would name jars that no
 * longer exist) and signature files (no jar here is signed; the merge would void them) are dropped;
 * {@code Multi-Release} is kept when any jar had it;</li>
 * <li>that jar is <em>stored</em> (not deflated) and the zip deflated at the highest level: each
 * small class deflated alone compresses badly, the stored jar deflated as one entry compresses
 * what the classes share (the upload is ~30 % smaller), and the JVM reads classes without
 * inflating them.</li>
 * </ul>
 * Run by the build after Quarkus has written function.zip ({@code java scripts/PackFunctionZip.java target/function.zip});
 * does nothing when the zip is absent or holds no jars (a native build).
 */
public class PackFunctionZip {

    static final String MERGED = "lib/function-libs.jar";

    /** The time of the merged jar's entries (2000-01-01): the same jars give the same bytes. */
    static final long FIXED_TIME = 946_684_800_000L;

    public static void main(String[] args) throws IOException {
        Path zip = Path.of(args[0]);
        if (!Files.isRegularFile(zip)) {
            System.out.println("[PackFunctionZip] no " + zip + ", nothing to do");
            return;
        }
        List<String> jars = new ArrayList<>();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            // A native (custom runtime) zip has no jars, and its bootstrap's executable bit must stay as written.
            if (zf.getEntry("bootstrap") != null) {
                System.out.println("[PackFunctionZip] " + zip + " is a native function, left as it is");
                return;
            }
            zf.stream().map(ZipEntry::getName).filter(PackFunctionZip::isLibJar).forEach(jars::add);
        }
        if (jars.isEmpty() || jars.equals(List.of(MERGED))) {
            System.out.println("[PackFunctionZip] " + zip + " has no jars to merge, left as it is");
            return;
        }
        // The order of Lambda's class path: the jars of lib/ sorted by name (String order).
        jars.sort(null);
        long before = Files.size(zip);
        Map<String, byte[]> jarBytes = new TreeMap<>();
        Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            Set<String> seen = new HashSet<>();
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                if (isLibJar(e.getName())) {
                    jarBytes.put(e.getName(), data);
                    continue;
                }
                if (seen.add(e.getName())) {
                    put(out, e.getName(), e.getTime(), data, false);
                }
            }
            put(out, MERGED, FIXED_TIME, merge(jars, jarBytes), false);
        }
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("[PackFunctionZip] %s: %d jars merged into %s (stored); %,d -> %,d bytes%n",
                zip, jars.size(), MERGED, before, Files.size(zip));
    }

    static boolean isLibJar(String name) {
        return name.startsWith("lib/") && name.endsWith(".jar") && name.indexOf('/', 4) < 0;
    }

    static byte[] merge(List<String> jars, Map<String, byte[]> jarBytes) throws IOException {
        Map<String, byte[]> first = new LinkedHashMap<>();
        Map<String, ByteArrayOutputStream> concatenated = new LinkedHashMap<>();
        boolean multiRelease = false;
        for (String jar : jars) {
            String jarName = jar.substring("lib/".length(), jar.length() - ".jar".length());
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jarBytes.get(jar)))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    String name = e.getName();
                    byte[] data = in.readAllBytes();
                    String upper = name.toUpperCase(Locale.ROOT);
                    if (e.isDirectory() || upper.equals("META-INF/INDEX.LIST") || isSignature(upper)) {
                        continue;
                    }
                    if (upper.equals(JarFile.MANIFEST_NAME)) {
                        Manifest manifest = new Manifest(new ByteArrayInputStream(data));
                        multiRelease |= "true".equalsIgnoreCase(manifest.getMainAttributes().getValue("Multi-Release"));
                        continue;
                    }
                    if (isConcatenated(name)) {
                        ByteArrayOutputStream all = concatenated.computeIfAbsent(name, n -> new ByteArrayOutputStream());
                        all.write(data);
                        if (data.length > 0 && data[data.length - 1] != '\n') {
                            all.write('\n');
                        }
                        continue;
                    }
                    if (isLegalNotice(upper)) {
                        first.putIfAbsent("META-INF/licenses/" + jarName + "/" + name.substring(name.lastIndexOf('/') + 1), data);
                        continue;
                    }
                    first.putIfAbsent(name, data);
                }
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (multiRelease) {
            manifest.getMainAttributes().put(new Attributes.Name("Multi-Release"), "true");
        }
        ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
        manifest.write(manifestBytes);

        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 << 20);
        try (ZipOutputStream out = new ZipOutputStream(buffer)) {
            put(out, JarFile.MANIFEST_NAME, 0, manifestBytes.toByteArray(), true);
            for (Map.Entry<String, ByteArrayOutputStream> e : concatenated.entrySet()) {
                put(out, e.getKey(), 0, e.getValue().toByteArray(), true);
            }
            for (Map.Entry<String, byte[]> e : first.entrySet()) {
                put(out, e.getKey(), 0, e.getValue(), true);
            }
        }
        return buffer.toByteArray();
    }

    static boolean isConcatenated(String name) {
        return (name.startsWith("META-INF/services/") && name.length() > "META-INF/services/".length())
                || name.equals("META-INF/io.netty.versions.properties");
    }

    static boolean isSignature(String upper) {
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }

    static boolean isLegalNotice(String upper) {
        String file = upper.substring(upper.lastIndexOf('/') + 1);
        return upper.startsWith("META-INF/") && (file.startsWith("LICENSE") || file.startsWith("NOTICE")
                || file.startsWith("LICENCE") || file.endsWith("-LICENSE"));
    }

    static void put(ZipOutputStream out, String name, long time, byte[] data, boolean stored) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time > 0 ? time : FIXED_TIME);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(data);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(data.length);
            entry.setCompressedSize(data.length);
            entry.setCrc(crc.getValue());
        } else {
            entry.setMethod(ZipEntry.DEFLATED);
        }
        out.putNextEntry(entry);
        out.write(data);
        out.closeEntry();
    }
}
