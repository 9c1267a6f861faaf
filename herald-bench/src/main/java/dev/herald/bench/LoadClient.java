package dev.herald.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens N WebSocket connections on one event loop (epoll, NIO fallback) and subscribes each to one
 * channel (public, or private with a real signature). At most {@code inFlight} connections are
 * between connect and subscribed at any time, so the server's accept backlog never overflows.
 */
final class LoadClient implements AutoCloseable {
  /** What a connection reports back. Called on the event loop. */
  interface Listener {
    void subscribed();

    void failed();

    void lost();
  }

  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final AtomicInteger subscribed = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger lost = new AtomicInteger();
  private final Semaphore inFlight;

  LoadClient(URI uri, Subscription subscription, Deliveries deliveries, int maxInFlight) {
    boolean epoll = Epoll.isAvailable();
    group = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
    inFlight = new Semaphore(maxInFlight);
    Listener listener =
        new Listener() {
          @Override
          public void subscribed() {
            subscribed.incrementAndGet();
            inFlight.release();
          }

          @Override
          public void failed() {
            failed.incrementAndGet();
            inFlight.release();
          }

          @Override
          public void lost() {
            lost.incrementAndGet();
          }
        };
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .version(WebSocketVersion.V13)
            .customHeaders(new DefaultHttpHeaders())
            .maxFramePayloadLength(1024 * 1024)
            .handshakeTimeoutMillis(30_000)
            .build();
    bootstrap =
        new Bootstrap()
            .group(group)
            .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
            .remoteAddress(uri.getHost(), uri.getPort())
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(64 * 1024))
                        .addLast(new WebSocketClientProtocolHandler(config))
                        .addLast(new ClientHandler(subscription, deliveries, listener));
                  }
                });
  }

  /**
   * Opens {@code count} connections and waits until each has subscribed or failed, or the timeout
   * passes. Returns the number subscribed.
   */
  int connect(int count, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (int i = 0; i < count; i++) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        break;
      }
      bootstrap
          .connect()
          .addListener(
              f -> {
                if (!f.isSuccess()) {
                  failed.incrementAndGet();
                  inFlight.release();
                }
              });
    }
    while (subscribed.get() + failed.get() < count && System.nanoTime() < deadline) {
      Thread.sleep(5); // polling the counters of a benchmark run, not a test
    }
    return subscribed.get();
  }

  int subscribed() {
    return subscribed.get();
  }

  int failed() {
    return failed.get();
  }

  int lost() {
    return lost.get();
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
