package org.herald.gateway.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Sends an HTTP message's head in the same segment as the start of its body. Reactor Netty writes and
 * flushes the head of a message whose body is a stream on its own and subscribes to the body only once
 * that write has completed, so every request forwarded to a backend and every answer relayed to a
 * caller left as two segments: two send calls in the gateway, and a backend on blocking I/O (Tomcat)
 * read the head, found no body yet and parked the request until its poller saw the second segment.
 *
 * <p>Here the head of a message with a body of announced length is written but its flush is held back
 * until body content has been written; its write is reported done at once, which is what lets Reactor
 * Netty go on to the body. Should the socket write fail, the connection is closed and the body's write
 * fails, so the failure is not lost. Heads of chunked messages and of requests expecting
 * {@code 100-continue} are flushed as before: their receiver may need the head before any body exists.
 */
final class HeadWithBody extends ChannelOutboundHandlerAdapter {

    private boolean headAwaitsBody;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpMessage head && bodyFollows(head)) {
            headAwaitsBody = true;
            ctx.write(msg, ctx.newPromise()).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            promise.trySuccess();
            return;
        }
        if (msg instanceof HttpContent || msg instanceof ByteBuf) {
            headAwaitsBody = false;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (!headAwaitsBody) {
            ctx.flush();
        }
    }

    private static boolean bodyFollows(HttpMessage head) {
        return !(head instanceof FullHttpMessage)
                && HttpUtil.getContentLength(head, 0L) > 0
                && !HttpUtil.is100ContinueExpected(head);
    }
}
