package io.ctf.local;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The one opt-in (LOCAL_LISTEN_ON_ALL_INTERFACES=true): the local loop is reachable from the network. */
@QuarkusTest
@TestProfile(LocalLoopOnAllInterfacesTest.AllInterfaces.class)
class LocalLoopOnAllInterfacesTest {

    public static class AllInterfaces implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("local.http.enabled", "true", "local.http.port", "0", "local.listen-on-all-interfaces", "true");
        }
    }

    @Inject
    LocalHttpServer server;

    @Test
    void itListensOnEveryInterface() throws Exception {
        assertThat(server.address().isAnyLocalAddress()).as(server.address().toString()).isTrue();
        var other = BoundAddresses.nonLoopback();
        assumeTrue(other.isPresent(), "this machine has no interface but the loopback one");
        assertThat(BoundAddresses.accepts(other.get(), server.port())).isTrue();
    }
}
