package io.ctf.local;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.net.URI;

/**
 * Dev mode's Lambda event server (docs/local.md), in place of Quarkus's mock event server, which
 * listens on every interface: the same server ({@link LoopbackEventServer}) on the same port, on
 * 127.0.0.1 unless {@code local.listen-on-all-interfaces}. Lambda-wrapped events posted to it run
 * through the exported function, whose poll loop polls its Runtime API.
 * <p>
 * A bean only where Quarkus's server is switched off ({@code %dev.quarkus.lambda.mock-event-server.enabled=false},
 * or a test that does the same); {@code quarkus-internal.aws-lambda.test-api} then points the poll
 * loop here. It starts on the startup event, which Quarkus 3.34.2 fires before it starts the poll
 * loop (that loop stops the application if its first poll finds nothing listening): LocalLoopTest
 * runs the poll loop against it.
 * <p>
 * In dev mode the server outlives a live reload, as Quarkus's does: an event that finds changed code
 * is handed back to the server (requeued) while the application restarts, and the restarted one's
 * poll loop must find it there. The reloaded application finds the running server through JMX.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
@IfBuildProperty(name = "quarkus.lambda.mock-event-server.enabled", stringValue = "false")
public class LambdaEventServer {

    private static final Logger LOG = Logger.getLogger(LambdaEventServer.class);
    static final String JMX_NAME = "io.ctf.local:type=LambdaEventServer";

    /**
     * Where the poll loop polls ({@code 127.0.0.1:<port>/_lambda_}), and so the port to listen on:
     * dev mode's is {@code quarkus.lambda.mock-event-server.dev-port}, Quarkus's own server's port
     * setting, kept (QUARKUS_LAMBDA_MOCK_EVENT_SERVER_DEV_PORT moves it).
     */
    @ConfigProperty(name = "quarkus-internal.aws-lambda.test-api")
    String runtimeApi;

    /** The one opt-in to every interface for every port the local loop opens (docs/local.md). */
    @ConfigProperty(name = "local.listen-on-all-interfaces", defaultValue = "false")
    boolean allInterfaces;

    private String host;
    private int port;

    void start(@Observes StartupEvent started) throws JMException {
        port = URI.create("http://" + runtimeApi).getPort();
        host = allInterfaces ? "0.0.0.0" : "127.0.0.1";
        if (port <= 0) {
            // The poll loop is told the port before anything listens on it: no free port chosen at start.
            throw new IllegalStateException("the Lambda event server needs a fixed port, not '" + runtimeApi
                    + "': QUARKUS_LAMBDA_MOCK_EVENT_SERVER_DEV_PORT=0 is not supported");
        }
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(JMX_NAME);
        if (jmx.isRegistered(name)) {
            if (host.equals(jmx.getAttribute(name, "Host")) && Integer.valueOf(port).equals(jmx.getAttribute(name, "Port"))) {
                return; // live reload: the running one holds the events in flight
            }
            closeRegistered(jmx, name);
        }
        LoopbackEventServer server = new LoopbackEventServer(host);
        server.start(port);
        jmx.registerMBean(server, name);
        LOG.infof("Lambda event server on http://localhost:%d (listening on %s): Lambda-wrapped events for the"
                + " exported function (docs/local.md)", port, allInterfaces ? "every interface" : "127.0.0.1 only");
    }

    /** The port listened on. */
    public int port() {
        return port;
    }

    /** The address listened on: {@code 127.0.0.1}, or {@code 0.0.0.0} for every interface. */
    public String host() {
        return host;
    }

    @PreDestroy
    void stop() throws JMException {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            return; // a live reload, or dev mode ending with the JVM
        }
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(JMX_NAME);
        if (jmx.isRegistered(name)) {
            closeRegistered(jmx, name);
        }
    }

    private static void closeRegistered(MBeanServer jmx, ObjectName name) throws JMException {
        try {
            jmx.invoke(name, "close", null, null);
        } finally {
            jmx.unregisterMBean(name);
        }
    }
}
