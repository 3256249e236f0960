package io.ctf.local;

import java.io.IOException;

/**
 * What dev mode reads of a running {@link LoopbackEventServer} after a live reload, through JMX: the
 * reloaded application's classes are new ones, so JMX (by name, in the JVM) is how it finds the
 * server the previous one started.
 */
public interface LoopbackEventServerMBean {

    String getHost();

    int getPort();

    void close() throws IOException;
}
