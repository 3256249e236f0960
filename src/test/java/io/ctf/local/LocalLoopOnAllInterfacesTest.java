package io.ctf.local;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one opt-in (LOCAL_LISTEN_ON_ALL_INTERFACES=true): the local loop and dev mode's Lambda event
 * server are reachable from the network.
 */
@QuarkusTest
@TestProfile(LocalLoopOnAllInterfacesTest.AllInterfaces.class)
class LocalLoopOnAllInterfacesTest {

    public static class AllInterfaces implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            var overrides = new java.util.HashMap<>(DevEventServerConfig.overrides());
            overrides.putAll(Map.of("local.http.enabled", "true", "local.http.port", "0", "local.listen-on-all-interfaces", "true"));
            return overrides;
        }
    }

    @Inject
    LocalHttpServer server;

    @Inject
    LambdaEventServer eventServer;

    @Test
    void itListensOnEveryInterface() throws Exception {
        assertThat(server.address().isAnyLocalAddress()).as(server.address().toString()).isTrue();
        var other = BoundAddresses.nonLoopback();
        assumeTrue(other.isPresent(), "this machine has no interface but the loopback one");
        assertThat(BoundAddresses.accepts(other.get(), server.port())).isTrue();
    }

    @Test
    void theLambdaEventServerListensOnEveryInterface() throws Exception {
        assertThat(eventServer.host()).isEqualTo("0.0.0.0");
        assertThat(BoundAddresses.accepts(InetAddress.getLoopbackAddress(), eventServer.port())).isTrue();
        var other = BoundAddresses.nonLoopback();
        assumeTrue(other.isPresent(), "this machine has no interface but the loopback one");
        assertThat(BoundAddresses.accepts(other.get(), eventServer.port())).isTrue();
    }
}
