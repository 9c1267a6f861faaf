package dev.herald.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SelectStrategy;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker13;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens WebSocket connections on one event loop (epoll, NIO fallback); each does what the {@link
 * Behavior} says (usually: subscribe once connection_established arrives). At most {@code
 * maxInFlight} connections are between connect and ready at any time, so the server's accept
 * backlog never overflows. Connections are numbered from 0 in the order they are opened.
 */
final class LoadClient implements AutoCloseable {
  /** What a connection reports back. Called on the event loop. */
  interface Listener {
    void subscribed();

    void failed(ClientHandler conn);

    void lost(ClientHandler conn);
  }

  /** See {@link #busyPolling}: on unless {@code -Dherald.bench.busyPoll=false}. */
  static final boolean BUSY_POLL =
      Boolean.parseBoolean(System.getProperty("herald.bench.busyPoll", "true"));

  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger subscribed = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger lost = new AtomicInteger();
  private final Semaphore inFlight;
  private final ConcurrentHashMap<Integer, ClientHandler> open = new ConcurrentHashMap<>();

  LoadClient(URI uri, Behavior behavior, Deliveries deliveries, int maxInFlight) {
    this(uri, behavior, deliveries, maxInFlight, 0);
  }

  /**
   * With {@code receiveBuffer} > 0 every socket gets that {@code SO_RCVBUF} (set before connect,
   * which also turns off the kernel's receive-buffer autotuning).
   */
  LoadClient(
      URI uri, Behavior behavior, Deliveries deliveries, int maxInFlight, int receiveBuffer) {
    boolean epoll = Epoll.isAvailable();
    group =
        epoll
            ? new EpollEventLoopGroup(
                1, BUSY_POLL ? LoadClient::busyPolling : DefaultSelectStrategyFactory.INSTANCE)
            : new NioEventLoopGroup(1);
    inFlight = new Semaphore(maxInFlight);
    Listener listener =
        new Listener() {
          @Override
          public void subscribed() {
            subscribed.incrementAndGet();
            inFlight.release();
          }

          @Override
          public void failed(ClientHandler conn) {
            failed.incrementAndGet();
            inFlight.release();
            open.remove(conn.index());
          }

          @Override
          public void lost(ClientHandler conn) {
            lost.incrementAndGet();
            open.remove(conn.index());
          }
        };
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .version(WebSocketVersion.V13)
            .customHeaders(new DefaultHttpHeaders())
            .maxFramePayloadLength(1024 * 1024)
            .handshakeTimeoutMillis(30_000)
            .handleCloseFrames(false) // the handler reads the close code (4100 and friends)
            .withUTF8Validator(false)
            .build();
    AtomicInteger nextIndex = new AtomicInteger();
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
                    if (receiveBuffer > 0) {
                      ch.config().setReceiveBufferSize(receiveBuffer);
                    }
                    ClientHandler handler =
                        new ClientHandler(nextIndex.getAndIncrement(), behavior, listener);
                    open.put(handler.index(), handler);
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(64 * 1024))
                        .addLast(
                            new WebSocketClientProtocolHandler(
                                handshaker(uri, deliveries, config.maxFramePayloadLength()),
                                config))
                        .addLast(handler);
                  }
                });
  }

  /**
   * A select strategy that never blocks: the loop polls epoll without a timeout, yielding the core
   * when nothing is ready (the publisher shares it). The client's thread then never sleeps, so a
   * server's send never has to wake it (on a VM a wake-up is an inter-processor interrupt into a
   * halted virtual CPU, charged to the sender and varying with load).
   */
  private static SelectStrategy busyPolling() {
    return (selectNow, hasTasks) -> {
      int ready = selectNow.get();
      if (ready == 0 && !hasTasks) {
        Thread.yield();
      }
      return ready;
    };
  }

  /** Netty's handshaker, with {@link ServerFrameDecoder} as the frame reader once it completes. */
  private static WebSocketClientHandshaker handshaker(
      URI uri, Deliveries deliveries, int maxPayload) {
    return new WebSocketClientHandshaker13(
        uri, WebSocketVersion.V13, null, false, new DefaultHttpHeaders(), maxPayload) {
      @Override
      protected WebSocketFrameDecoder newWebsocketDecoder() {
        return new ServerFrameDecoder(deliveries, maxPayload);
      }
    };
  }

  /**
   * Opens {@code count} more connections and waits until every connection opened so far is ready or
   * failed, or the timeout passes. Returns the number that became ready, all told.
   */
  int connect(int count, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (int i = 0; i < count; i++) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        break;
      }
      start();
    }
    int target = opened.get();
    while (subscribed.get() + failed.get() < target && System.nanoTime() < deadline) {
      Thread.sleep(5); // polling the counters of a benchmark run, not a test
    }
    return subscribed.get();
  }

  /** Opens one connection if fewer than maxInFlight are connecting; false when none was opened. */
  boolean tryOpen() {
    if (!inFlight.tryAcquire()) {
      return false;
    }
    start();
    return true;
  }

  private void start() {
    opened.incrementAndGet();
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

  /** The open connection with {@code index}, or null. */
  ClientHandler connection(int index) {
    return open.get(index);
  }

  /** The connections open now. */
  Collection<ClientHandler> connections() {
    return new ArrayList<>(open.values());
  }

  /** The open connections sorted by index. */
  List<ClientHandler> sortedConnections() {
    List<ClientHandler> list = new ArrayList<>(open.values());
    list.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return list;
  }

  int opened() {
    return opened.get();
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

  /** Closes every connection at once (TCP close) and waits for them to go, at most 10 s. */
  void closeAll() throws InterruptedException {
    connections().forEach(ClientHandler::closeAbruptly);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!open.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5); // polling the counters of a benchmark run, not a test
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
