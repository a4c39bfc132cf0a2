package org.conflictmap.tiles;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives Tomcat's connections a socket write buffer of {@link TilesProperties#writeBufferBytes()}. Tomcat
 * writes a response body to the socket in pieces of that buffer's size even when it need not (its
 * {@code SocketWrapperBase.writeBlockingDirect} says so in a TODO), so with its own 8 KiB a cached
 * 50–200 KB tile cost 7–23 system calls, each after a copy into a direct buffer.
 */
@Component
class TileWrites implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    private final TilesProperties properties;

    TileWrites(TilesProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector ->
                connector.setProperty("socket.appWriteBufSize", Integer.toString(properties.writeBufferBytes())));
    }
}
