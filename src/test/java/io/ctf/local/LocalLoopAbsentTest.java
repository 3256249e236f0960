package io.ctf.local;

import io.ctf.webhook.inbox.DynamoDbLocalInbox;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside dev mode the local loop does not exist: an application built without
 * {@code local.http.enabled} (every build but {@code quarkus:dev}) has no server bean, and what
 * Lambda reaches is the exported function alone. (That function.zip holds none of its classes:
 * PackedFunctionZipIT.)
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalInbox.class)
class LocalLoopAbsentTest {

    @Test
    void thereIsNoLocalServerBean() {
        assertThat(Arc.container().instance(LocalHttpServer.class).isAvailable()).isFalse();
        assertThat(Arc.container().beanManager().getBeans(LocalHttpServer.class)).isEmpty();
    }

    @Test
    void quarkussOwnMockEventServerRunsInsteadOfTheLoopbackOne() {
        // Only a build that switches Quarkus's server off (dev mode) has LambdaEventServer.
        assertThat(Arc.container().beanManager().getBeans(LambdaEventServer.class)).isEmpty();
    }
}
