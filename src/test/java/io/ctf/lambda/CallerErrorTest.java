package io.ctf.lambda;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every FunctionError takes a side: the caller's to fix ({@link CallerError}: 4xx in the local loop,
 * not worth a retry) or Composio's or ours (5xx). A new error class has to be put in one of them.
 */
class CallerErrorTest {

    /** Not the caller's: Composio failed or refused us, or the deployment is missing something. */
    static final Set<String> NOT_THE_CALLERS = Set.of(
            "io.ctf.composio.ComposioApiError",
            "io.ctf.composio.ComposioUnavailable",
            "io.ctf.composio.ComposioAuthenticationFailed",
            "io.ctf.composio.ComposioApiKeyNotConfigured",
            "io.ctf.webhook.WebhookSecretStoreNotConfigured",
            "io.ctf.subscription.SecretNotStored",
            "io.ctf.events.EventBusNotConfigured");

    static final Set<String> THE_CALLERS = Set.of(
            "io.ctf.lambda.InvalidInput",
            "io.ctf.trigger.InvalidTriggerConfig",
            "io.ctf.trigger.TriggerTypeNotFound",
            "io.ctf.trigger.TriggerNotFound",
            "io.ctf.trigger.ConnectedAccountNotFound",
            "io.ctf.trigger.WebhookEndpointRequired",
            "io.ctf.endpoint.EndpointNotFound",
            "io.ctf.endpoint.UnknownSetupField",
            "io.ctf.events.MalformedStreamBatch");

    @Test
    void everyFunctionErrorIsEitherTheCallersOrNot() throws IOException {
        Index index = index();
        Set<String> callers = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        for (ClassInfo error : index.getAllKnownSubclasses(DotName.createSimple(FunctionError.class.getName()))) {
            String name = error.name().toString();
            boolean marked = implementsCallerError(index, error);
            (marked ? callers : others).add(name);
        }
        assertThat(callers).containsExactlyInAnyOrderElementsOf(THE_CALLERS);
        assertThat(others).containsExactlyInAnyOrderElementsOf(NOT_THE_CALLERS);
    }

    static boolean implementsCallerError(Index index, ClassInfo type) {
        DotName marker = DotName.createSimple(CallerError.class.getName());
        for (ClassInfo c = type; c != null; c = c.superName() == null ? null : index.getClassByName(c.superName())) {
            if (c.interfaceNames().contains(marker)) {
                return true;
            }
        }
        return false;
    }

    static Index index() throws IOException {
        Indexer indexer = new Indexer();
        try (Stream<Path> classes = Files.walk(Path.of("target/classes"))) {
            for (Path c : (Iterable<Path>) classes.filter(p -> p.toString().endsWith(".class"))::iterator) {
                try (InputStream in = Files.newInputStream(c)) {
                    indexer.index(in);
                }
            }
        }
        return indexer.complete();
    }
}
