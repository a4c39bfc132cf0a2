package org.conflictmap.tiles;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tiles and static maps.
 *
 * @param cacheMaxBytes  the in-memory tile cache's bound, in bytes of encoded tiles (default 128 MiB)
 * @param maxZoom        the deepest zoom served (default 14)
 * @param maxStaticSize  the largest side of a {@code /map.png}, in pixels before {@code scale} (default 4096)
 * @param maxStaticPixels the most pixels of a {@code /map.png}, width × height × scale² (default 8,388,608:
 *                       32 MiB as the picture is drawn; 50 concurrent 4096² maps, 64 MiB each, ran a server out
 *                       of memory). {@code conflictmap.overload.static-map-permits} bounds how many are drawn at once
 * @param detailMinZoom  the zoom from which incident vector tiles also carry title, time precision, end,
 *                       parties and operation (default 10, about a district a tile); below it they carry
 *                       the id, type, precision, start and the claims summary
 * @param writeBufferBytes Tomcat's socket write buffer per open connection ({@code socket.appWriteBufSize}),
 *                       in bytes (default 128 KiB). Tomcat hands a response to the socket in pieces of this
 *                       size: with its own 8 KiB a cached z8 vector tile (184 KB gzipped) took 23 writes, and
 *                       warm-cache tiles went at 3,000/s instead of 5,200–5,900. Every open connection holds
 *                       one such buffer: at Tomcat's cap of 8,192 connections that is 1 GiB of heap, so lower
 *                       this or {@code server.tomcat.max-connections} on a small heap
 */
@ConfigurationProperties("conflictmap.tiles")
record TilesProperties(
        @DefaultValue("134217728") long cacheMaxBytes,
        @DefaultValue("14") int maxZoom,
        @DefaultValue("4096") int maxStaticSize,
        @DefaultValue("8388608") long maxStaticPixels,
        @DefaultValue("10") int detailMinZoom,
        @DefaultValue("131072") int writeBufferBytes) {
    TilesProperties {
        if (cacheMaxBytes < 0
                || maxZoom < 0
                || maxZoom > 22
                || maxStaticSize < 64
                || maxStaticPixels < 64 * 64
                || detailMinZoom < 0
                || detailMinZoom > 23
                || writeBufferBytes < 8192
                || writeBufferBytes > 16 << 20) {
            throw new IllegalArgumentException(
                    "conflictmap.tiles: cache-max-bytes >= 0, max-zoom 0..22, max-static-size >= 64, max-static-pixels >= 4096, "
                            + "detail-min-zoom 0..23, write-buffer-bytes 8192..16777216");
        }
    }
}
