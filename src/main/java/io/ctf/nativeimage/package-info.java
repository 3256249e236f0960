/**
 * What the native build (GraalVM native-image through Quarkus) needs beyond Quarkus's own
 * extensions, and nothing the JVM build uses: substitutions for library code that names an optional
 * artifact this build leaves out, and reflection registrations for runtime classes Quarkus
 * registers too narrowly. Each substitution is active only while its artifact is absent
 * ({@code @TargetClass(onlyWith = ...)}), so adding the artifact back brings the library's own code
 * back. See docs/native.md; io.ctf.nativeimage tests check every target still exists.
 */
package io.ctf.nativeimage;
