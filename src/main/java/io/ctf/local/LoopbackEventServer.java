package io.ctf.local;

import io.quarkus.amazon.lambda.runtime.MockEventServer;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.reflect.Field;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Quarkus's Lambda mock event server (its routes and handlers unchanged: {@code POST /} and
 * {@code POST /_lambda_} for events, the Runtime API under {@code /_lambda_/2018-06-01/runtime/}),
 * listening on one host. Quarkus 3.34.2's own {@link MockEventServer#start(int)} has no host setting
 * and binds Vert.x's default, every interface; only its start differs here.
 */
public class LoopbackEventServer extends MockEventServer implements LoopbackEventServerMBean {

    private final String host;

    /** @param host the address to listen on: {@code 127.0.0.1}, or {@code 0.0.0.0} for every interface */
    public LoopbackEventServer(String host) {
        this.host = host;
    }

    @Override
    public void start(int port) {
        // Long worker time as Quarkus's own: nextEvent blocks a worker until an event arrives.
        Vertx vertx = Vertx.vertx(new VertxOptions().setMaxWorkerExecuteTime(60).setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES));
        useVertx(vertx);
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port);
        ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-header-size", MemorySize.class)
                .ifPresent(size -> options.setMaxHeaderSize(size.asBigInteger().intValueExact()));
        httpServer = vertx.createHttpServer(options);
        router = Router.router(vertx);
        setupRoutes();
        try {
            httpServer.requestHandler(router).listen().toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            vertx.close();
            throw new IllegalStateException("the Lambda event server cannot listen on " + host + ":" + port
                    + " (" + e.getCause().getMessage() + "): stop what uses the port or set"
                    + " QUARKUS_LAMBDA_MOCK_EVENT_SERVER_DEV_PORT", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Lambda event server", e);
        }
    }

    /** The address listened on, as given. */
    @Override
    public String getHost() {
        return host;
    }

    /**
     * The superclass keeps its Vert.x in a private field that its nextEvent and close use; with no
     * setter, this sets it. Fails loudly if an upgrade renames it, rather than at the first event.
     */
    private void useVertx(Vertx vertx) {
        try {
            Field field = MockEventServer.class.getDeclaredField("vertx");
            field.setAccessible(true);
            field.set(this, vertx);
        } catch (ReflectiveOperationException e) {
            vertx.close();
            throw new IllegalStateException("Quarkus's MockEventServer has no 'vertx' field any more: check"
                    + " whether it has a host setting now (docs/local.md)", e);
        }
    }
}
