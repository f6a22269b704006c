package org.agentworkspace.http.edge;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Grizzly's HTTP codec, whose own refusals (a request head over the limit, a malformed request
 * line or header, broken chunked encoding) left with an empty body: here they carry the
 * contract's {@code {"error"}} and an {@code X-Request-Id}, and an over-long head is 431.
 */
final class EdgeCodecFilter extends org.glassfish.grizzly.http.HttpServerFilter {
    EdgeCodecFilter(boolean chunkingEnabled, int maxHeadersSize, KeepAlive keepAlive, int maxRequestHeaders,
                    int maxResponseHeaders) {
        super(chunkingEnabled, maxHeadersSize, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
    }

    @Override
    protected void onHttpHeaderError(HttpHeader httpHeader, FilterChainContext ctx, Throwable t) throws IOException {
        String reason = t == null || t.getMessage() == null ? "" : t.getMessage();
        if (reason.contains("too large") && httpHeader.isRequest()) {
            HttpResponsePacket response = ((org.glassfish.grizzly.http.HttpRequestPacket) httpHeader).getResponse();
            response.setStatus(431);
            response.setReasonPhrase("Request Header Fields Too Large");
        }
        super.onHttpHeaderError(httpHeader, ctx, t);
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        int status = response.getStatus();
        String message;
        if (status == 431) {
            message = "Request head (request line and headers) exceeds " + EdgeSettings.MAX_REQUEST_HEAD_BYTES / 1024
                    + " KiB";
        } else if (status == 505) {
            // "GET /a b HTTP/1.1" reads as the version "b HTTP/1.1": most often a space the caller did not encode.
            HttpStatus.BAD_REQUEST_400.setValues(response);
            message = "Malformed request line: a space in the path must be sent as %20, and the version must be HTTP/1.1";
        } else {
            message = "Malformed HTTP request: the request line, a header or the chunked body could not be parsed";
        }
        byte[] body = EdgeErrors.body(message, null);
        response.setContentType(EdgeErrors.JSON);
        response.setHeader(EdgeErrors.REQUEST_ID, EdgeErrors.requestId(null));
        response.setContentLength(body.length);
        return HttpContent.builder(response).content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                .last(true).build();
    }
}
