/**
 * The local loop (docs/local.md): in {@code ./mvnw quarkus:dev} only, plain HTTP on localhost for
 * Composio's real deliveries ({@code POST /webhook}), the inbox ({@code GET /inbox}) and every
 * function of the set ({@code POST /functions/<name>}); and the Lambda event server on 127.0.0.1
 * ({@link io.ctf.local.LambdaEventServer}) in place of Quarkus's mock event server.
 * <p>
 * Nothing here exists outside dev mode: {@link io.ctf.local.LocalHttpServer} and
 * {@link io.ctf.local.LambdaEventServer} are beans of the dev (and, when a test enables them, test)
 * build only, no class outside this package refers to one in
 * it, and the packaged jar leaves the package out
 * ({@code quarkus.package.jar.user-configured-ignored-entries}), so neither function.zip nor the
 * native binary holds it (DevOnlyPackageTest, PackedFunctionZipIT). For the same reason nothing
 * here is a {@code @ConfigMapping} or registered for reflection: either would reach the prod build.
 */
package io.ctf.local;
