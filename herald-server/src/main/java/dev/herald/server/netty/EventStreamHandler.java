package dev.herald.server.netty;

import dev.herald.server.api.ApiResponse;
import dev.herald.server.api.EventStream;
import dev.herald.server.api.StreamOutput;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Serves an {@link EventStream} on an HTTP connection it then owns: a chunked {@code
 * text/event-stream} head, the stream's writes as chunks, and a comment every {@value
 * #KEEPALIVE_SECONDS} s so proxies keep the connection and a vanished client is noticed. Further
 * requests on the connection are ignored. When the client goes, the stream is closed.
 */
final class EventStreamHandler extends ChannelInboundHandlerAdapter implements StreamOutput {
  static final String NAME = "event-stream";
  static final int KEEPALIVE_SECONDS = 15;

  private final EventStream stream;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> keepalive;
  private boolean closed;

  private EventStreamHandler(EventStream stream) {
    this.stream = stream;
  }

  /**
   * Answers with {@code response}'s stream in place of the handlers that answer requests; on the
   * channel's event loop.
   */
  static void start(ChannelHandlerContext router, HttpVersion version, ApiResponse response) {
    HttpResponse head = new DefaultHttpResponse(version, HttpResponseStatus.OK);
    head.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, ApiResponse.EVENT_STREAM)
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
        .set("X-Accel-Buffering", "no"); // nginx would otherwise hold the events back
    HttpUtil.setTransferEncodingChunked(head, true);
    var pipeline = router.pipeline();
    if (pipeline.get("http-idle") != null) {
      pipeline.remove("http-idle"); // silence from the client is normal here
    }
    pipeline.replace(router.handler(), NAME, new EventStreamHandler(response.stream()));
    pipeline.context(NAME).writeAndFlush(head);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    ctx = context;
    keepalive =
        ctx.executor()
            .scheduleAtFixedRate(
                () -> {
                  write(":\n\n");
                  flush();
                },
                KEEPALIVE_SECONDS,
                KEEPALIVE_SECONDS,
                TimeUnit.SECONDS);
    // After the head: start() writes it once this handler is in place.
    ctx.executor()
        .execute(
            () -> {
              if (!closed) {
                stream.opened(this);
              }
            });
    if (!ctx.channel().isActive()) {
      close(); // gone before we got here: channelInactive will not come
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) {
    ReferenceCountUtil.release(msg); // a stream answers one request only
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext context) {
    if (context.channel().isWritable() && !closed) {
      stream.resumed();
    }
    context.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    close();
    context.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    context.close(); // resets are how SSE clients leave; channelInactive closes the stream
  }

  @Override
  public void write(String text) {
    if (!closed) {
      ctx.write(
          new DefaultHttpContent(ByteBufUtil.writeUtf8(ctx.alloc(), text)), ctx.voidPromise());
    }
  }

  @Override
  public void flush() {
    ctx.flush();
  }

  @Override
  public boolean writable() {
    return !closed && ctx.channel().isWritable();
  }

  @Override
  public void execute(Runnable task) {
    ctx.executor().execute(task);
  }

  /**
   * Stops the keep-alive and closes the stream; {@link EventStream#closed} is safe to call even
   * when {@link EventStream#opened} never ran.
   */
  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    keepalive.cancel(false);
    stream.closed();
  }
}
