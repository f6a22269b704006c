package org.agentworkspace.http.edge;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/** Puts {@link EdgeCodecFilter} in the place of Grizzly's HTTP codec, with the codec's settings. */
final class EdgeAddOn implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int at = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
        if (at < 0) {
            throw new IllegalStateException("Grizzly's filter chain has no HTTP codec to replace");
        }
        var original = (org.glassfish.grizzly.http.HttpServerFilter) builder.get(at);
        EdgeCodecFilter codec = new EdgeCodecFilter(listener.isChunkingEnabled(), listener.getMaxHttpHeaderSize(),
                listener.getKeepAlive(), listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
        codec.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
        codec.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
        for (var encoding : original.getContentEncodings()) {
            codec.addContentEncoding(encoding);
        }
        builder.set(at, codec);
    }
}
