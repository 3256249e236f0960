package io.ctf.webhook.inbox;

import io.ctf.local.BoundAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** DynamoDB Local, which holds the inbox's payloads, listens on 127.0.0.1 only unless asked for every interface. */
class LocalDynamoDbAddressTest {

    @Test
    void itListensOnTheLoopbackAddressOnly() throws Exception {
        var other = BoundAddresses.nonLoopback();
        assumeTrue(other.isPresent(), "this machine has no interface but the loopback one");
        try (LocalDynamoDb server = LocalDynamoDb.inMemory()) {
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(BoundAddresses.accepts(InetAddress.getByName("127.0.0.1"), server.port())).isTrue();
            assertThat(BoundAddresses.accepts(other.get(), server.port())).as("reachable on " + other.get()).isFalse();
            assertThat(server.client().listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void everyInterfaceOnlyWhenAskedFor(@TempDir Path files) throws Exception {
        var other = BoundAddresses.nonLoopback();
        assumeTrue(other.isPresent(), "this machine has no interface but the loopback one");
        try (LocalDynamoDb server = LocalDynamoDb.inDirectory(files, true)) {
            assertThat(BoundAddresses.accepts(other.get(), server.port())).isTrue();
            assertThat(BoundAddresses.accepts(InetAddress.getByName("127.0.0.1"), server.port())).isTrue();
        }
    }
}
