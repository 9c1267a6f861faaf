package dev.herald.server.netty;

import dev.herald.server.api.HttpApi;
import dev.herald.server.app.App;
import dev.herald.server.channel.FrameEncoder;
import dev.herald.server.protocol.PusherError;
import dev.herald.server.protocol.PusherProtocol;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty transport: one port for WebSocket clients ({@code /app/{key}}) and the HTTP API, on
 * native epoll when available. The only package that knows Netty.
 */
public final class NettyServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NettyServer.class);

  /**
   * An HTTP connection (API keep-alive, or a socket that never finishes its upgrade) silent this
   * long is closed; WebSocket connections drop this handler and use the protocol's liveness.
   */
  static final int HTTP_IDLE_SECONDS = 60;

  /** What clients are told when the server goes away (4200: reconnect at once, elsewhere). */
  static final String DRAIN_MESSAGE = "Server shutting down; please reconnect";

  /** The longest HTTP request line (method, URL, version); 414 beyond. */
  static final int MAX_REQUEST_LINE_BYTES = 4096;

  /** Netty's default chunk size for request bodies (the aggregator bounds the total). */
  private static final int MAX_CHUNK_BYTES = 8192;

  private final NettySettings settings;
  private final WebSocketFrames frames = new WebSocketFrames(PooledByteBufAllocator.DEFAULT);
  private final LongAdder slowConsumersClosed = new LongAdder();
  private final List<io.netty.util.concurrent.ScheduledFuture<?>> sweeps = new ArrayList<>();
  private volatile boolean draining;
  private final AtomicBoolean closed = new AtomicBoolean();
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private Channel serverChannel;
  private NettyLoops loops;

  public NettyServer(NettySettings settings) {
    this.settings = settings;
  }

  /** The frame encoder broadcasts use: one pooled direct buffer per message. */
  public FrameEncoder frameEncoder() {
    return frames;
  }

  /** Whether the native epoll transport is in use on this machine. */
  public static boolean nativeTransport() {
    return Epoll.isAvailable();
  }

  /**
   * Binds the port and starts serving; returns the bound address (useful with port 0).
   *
   * @throws IllegalStateException when the port cannot be bound
   */
  public InetSocketAddress start(PusherProtocol protocol, HttpApi api) {
    boolean epoll = nativeTransport();
    boss = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
    int threads =
        settings.eventLoopThreads() > 0
            ? settings.eventLoopThreads()
            : Runtime.getRuntime().availableProcessors();
    workers = epoll ? new EpollEventLoopGroup(threads) : new NioEventLoopGroup(threads);
    Class<? extends ServerChannel> channelType =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    loops = new NettyLoops(loop -> startLivenessSweep(loop, protocol));
    TlsContexts tls = settings.tls().map(t -> new TlsContexts(t, System::nanoTime)).orElse(null);
    ConnectionLimits limits = settings.connectionLimits();
    ClientAddresses clients = new ClientAddresses(limits.trustedProxies());
    AddressLimits addressLimits = new AddressLimits(limits, System::currentTimeMillis);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(channelType)
            .option(ChannelOption.SO_BACKLOG, 4096)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(32 * 1024, 64 * 1024))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(
                            HandshakeDeadline.NAME,
                            new HandshakeDeadline(limits.handshakeTimeout()));
                    if (tls != null) {
                      ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
                    }
                    ch.pipeline()
                        .addLast("http-idle", new ReadTimeoutHandler(HTTP_IDLE_SECONDS))
                        .addLast(
                            "http",
                            new HttpServerCodec(
                                MAX_REQUEST_LINE_BYTES, limits.maxHeaderBytes(), MAX_CHUNK_BYTES))
                        .addLast("aggregator", new HttpObjectAggregator(settings.maxRequestBytes()))
                        .addLast(
                            "router",
                            new HttpRouter(
                                protocol,
                                api,
                                loops,
                                frames,
                                settings,
                                slowConsumersClosed,
                                clients,
                                addressLimits,
                                NettyServer.this::isDraining));
                  }
                });
    try {
      serverChannel =
          bootstrap.bind(settings.host(), settings.port()).syncUninterruptibly().channel();
    } catch (Exception e) { // Netty throws the bind's IOException unchecked
      close();
      throw new IllegalStateException(
          "cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
    }
    InetSocketAddress address = (InetSocketAddress) serverChannel.localAddress();
    log.info(
        "listening on {}:{} ({} transport, {} event loops, {})",
        address.getHostString(),
        address.getPort(),
        epoll ? "epoll" : "nio",
        threads,
        tls == null ? "no TLS" : "TLS on " + tls.provider());
    return address;
  }

  /** Connections closed because they did not read fast enough (4100). */
  public long slowConsumersClosed() {
    return slowConsumersClosed.sum();
  }

  private void startLivenessSweep(NettyLoop loop, PusherProtocol protocol) {
    long period = settings.livenessCheckMillis();
    var sweep =
        loop.eventLoop.scheduleAtFixedRate(
            () -> {
              for (NettyConnection conn : loop.connections.toArray(new NettyConnection[0])) {
                if (!conn.isClosing()) {
                  protocol.checkLiveness(conn);
                }
              }
            },
            period,
            period,
            TimeUnit.MILLISECONDS);
    synchronized (sweeps) {
      sweeps.add(sweep);
    }
  }

  /** Whether {@link #drain} has begun: new WebSocket upgrades are refused with 4200. */
  boolean isDraining() {
    return draining;
  }

  /**
   * Begins a graceful shutdown: stops accepting at once (the port is closed, so a load balancer
   * sends new connections elsewhere; an upgrade on a kept-alive HTTP socket gets 4200), and closes
   * every open connection with 4200 at a random moment within {@code window}, so that clients do
   * not all reconnect in one wave. The future completes when the last of them is closed; {@link
   * #close} still has to be called.
   */
  public CompletableFuture<Void> drain(Duration window) {
    draining = true;
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    if (loops == null) {
      return CompletableFuture.completedFuture(null);
    }
    long windowNanos = window.toNanos();
    List<CompletableFuture<Void>> closed = Collections.synchronizedList(new ArrayList<>());
    List<io.netty.util.concurrent.Future<?>> scheduled = new ArrayList<>();
    for (NettyLoop loop : loops.all()) {
      scheduled.add(
          loop.eventLoop.submit(
              () -> {
                for (NettyConnection conn : loop.connections.toArray(new NettyConnection[0])) {
                  closed.add(conn.closed());
                  long delay =
                      windowNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(windowNanos);
                  loop.eventLoop.schedule(
                      () -> conn.close(PusherError.RECONNECT, DRAIN_MESSAGE),
                      delay,
                      TimeUnit.NANOSECONDS);
                }
              }));
    }
    scheduled.forEach(f -> f.awaitUninterruptibly(2, TimeUnit.SECONDS));
    return CompletableFuture.allOf(closed.toArray(new CompletableFuture<?>[0]));
  }

  /**
   * Applies a reload to the open connections: those of {@code gone} apps are closed with 4003,
   * those of {@code changed} apps take the new settings (limits, features) and stay open. Returns
   * once every loop has done it.
   */
  public void reapply(List<App> gone, List<App> changed) {
    if (loops == null || (gone.isEmpty() && changed.isEmpty())) {
      return;
    }
    Set<String> goneIds = gone.stream().map(App::id).collect(Collectors.toSet());
    Map<String, App> changedById =
        changed.stream().collect(Collectors.toMap(App::id, Function.identity()));
    List<io.netty.util.concurrent.Future<?>> done = new ArrayList<>();
    for (NettyLoop loop : loops.all()) {
      done.add(
          loop.eventLoop.submit(
              () -> {
                for (NettyConnection conn : loop.connections.toArray(new NettyConnection[0])) {
                  String id = conn.app().id();
                  if (goneIds.contains(id)) {
                    conn.close(
                        PusherError.APP_DISABLED,
                        "Application disabled or removed by a configuration reload");
                  } else if (changedById.containsKey(id)) {
                    conn.useApp(changedById.get(id));
                  }
                }
              }));
    }
    done.forEach(f -> f.awaitUninterruptibly(5, TimeUnit.SECONDS));
  }

  /**
   * Stops accepting, tells every client to reconnect (4200, so they move to another node at once),
   * and releases the threads. Blocks until done, at most a few seconds. Only the first call does
   * anything (a failed bind has closed already).
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (sweeps) {
      sweeps.forEach(s -> s.cancel(false));
    }
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    if (loops != null) {
      List<io.netty.util.concurrent.Future<?>> goodbyes = new ArrayList<>();
      for (NettyLoop loop : loops.all()) {
        goodbyes.add(
            loop.eventLoop.submit(
                () -> {
                  for (NettyConnection conn : loop.connections.toArray(new NettyConnection[0])) {
                    conn.close(PusherError.RECONNECT, DRAIN_MESSAGE);
                  }
                }));
      }
      goodbyes.forEach(g -> g.awaitUninterruptibly(2, TimeUnit.SECONDS));
    }
    if (workers != null) {
      workers.shutdownGracefully(100, 2000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
    if (boss != null) {
      boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
