package dev.herald.server.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.server.channel.Frame;
import dev.herald.server.netty.NettyFixture.FlushCounter;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Adaptive flushing on a real event loop (in-VM transport): at once when idle, coalesced under
 * load.
 */
class FlushCoalescingTest {
  private final DefaultEventLoopGroup group = new DefaultEventLoopGroup(1);
  private final NettyFixture f = new NettyFixture();
  private final FlushCounter flushes = new FlushCounter();
  private final AtomicLong receivedBytes = new AtomicLong();
  private final LongAdder slowClosed = new LongAdder();
  private NettyConnection conn;
  private NettyLoop loop;
  private Channel serverSide;

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void flushesAtOnceWhenTheLoopIsIdle() throws Exception {
    connect();
    Frame frame = frame();
    // A write inside a broadcast, as a channel's LoopGroup makes it, on a loop with nothing queued:
    // deliver itself flushes. A coalesced flush would run only in a later task, after this one.
    long flushedWhenDeliverReturned =
        serverSide
            .eventLoop()
            .submit(
                () -> {
                  loop.broadcastStarted();
                  try {
                    conn.deliver(frame);
                    return flushes.count;
                  } finally {
                    loop.broadcastEnded();
                  }
                })
            .get(5, TimeUnit.SECONDS);
    assertThat(flushedWhenDeliverReturned).as("flushed by deliver itself").isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> receivedBytes.get() > 0);
    assertThat(flushes.count).isEqualTo(1);
    frame.release();
  }

  @Test
  void coalescesBroadcastsQueuedOnTheLoopIntoOneFlush() throws Exception {
    connect();
    Frame frame = frame();
    int size = ((NettyFrame) frame).buf.readableBytes();
    // Three broadcasts queued behind each other, as under load: one flush carries all three.
    queueThreeBehindEachOther(() -> conn.deliver(frame));
    await().atMost(Duration.ofSeconds(5)).until(() -> receivedBytes.get() == 3L * size);
    assertThat(flushes.count).isEqualTo(1);
    frame.release();
  }

  @Test
  void aBroadcastOnAnIdleLoopFlushesEachSubscriberAsItWrites() throws Exception {
    connect();
    Frame frame = frame();
    long flushedDuringTheBroadcast =
        serverSide.eventLoop().submit(() -> broadcast(frame)).get(5, TimeUnit.SECONDS);
    assertThat(flushedDuringTheBroadcast).as("flushed before the broadcast returned").isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> receivedBytes.get() > 0);
    assertThat(flushes.count).isEqualTo(1);
    frame.release();
  }

  @Test
  void broadcastsQueuedBehindEachOtherShareOneFlush() throws Exception {
    connect();
    Frame frame = frame();
    int size = ((NettyFrame) frame).buf.readableBytes();
    queueThreeBehindEachOther(() -> broadcast(frame));
    await().atMost(Duration.ofSeconds(5)).until(() -> receivedBytes.get() == 3L * size);
    // The first found two more queued (load), the next ones a flush pending: all coalesced.
    assertThat(flushes.count).isEqualTo(1);
    frame.release();
  }

  @Test
  void aBroadcastRightAfterDeliveryWorkJoinsThePendingFlush() throws Exception {
    connect();
    Frame frame = frame();
    long flushedDuringTheBroadcasts =
        serverSide
            .eventLoop()
            .submit(
                () -> {
                  conn.deliver(frame); // a write outside a broadcast is coalesced
                  broadcast(frame);
                  return flushes.count;
                })
            .get(5, TimeUnit.SECONDS);
    assertThat(flushedDuringTheBroadcasts).isZero();
    await().atMost(Duration.ofSeconds(5)).until(() -> flushes.count == 1);
    frame.release();
  }

  /** Queues {@code write} three times on the loop from one of its tasks, so each finds the rest. */
  private void queueThreeBehindEachOther(Runnable write) throws Exception {
    serverSide
        .eventLoop()
        .submit(
            () -> {
              for (int i = 0; i < 3; i++) {
                serverSide.eventLoop().execute(write);
              }
            })
        .get(5, TimeUnit.SECONDS);
  }

  /** What a channel's {@code LoopGroup} does for one subscriber; returns the flushes so far. */
  private long broadcast(Frame frame) {
    loop.broadcastStarted();
    conn.deliver(frame);
    loop.broadcastEnded();
    return flushes.count;
  }

  private Frame frame() {
    return f.frames.encode("{\"event\":\"e\",\"data\":\"x\"}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void neverClosesAReaderWhoseBytesOnlyWaitForTheCoalescedFlush() throws Exception {
    // A busy loop writes its backlog of broadcasts before its one flush: 320 KB pending on an
    // unwritable channel, over a 128 KB limit, yet the client reads everything once flushed.
    connect(128 * 1024);
    Frame frame = bigFrame();
    int size = ((NettyFrame) frame).buf.readableBytes();
    serverSide
        .eventLoop()
        .submit(
            () -> {
              for (int i = 0; i < 40; i++) {
                conn.deliver(frame);
              }
            })
        .get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> receivedBytes.get() == 40L * size);
    assertThat(slowClosed.sum()).isZero();
    assertThat(conn.isClosing()).isFalse();
    frame.release();
  }

  @Test
  void closesAClientWhoseUnflushedBytesPassFourTimesTheLimitBeforeAnyFlush() throws Exception {
    connect(128 * 1024);
    Frame frame = bigFrame();
    serverSide
        .eventLoop()
        .submit(
            () -> {
              for (int i = 0; i < 80; i++) {
                conn.deliver(frame);
              }
            })
        .get(5, TimeUnit.SECONDS);
    assertThat(conn.isClosing()).as("640 KB unflushed: memory stays bounded").isTrue();
    assertThat(slowClosed.sum()).isEqualTo(1);
    frame.release();
  }

  private Frame bigFrame() {
    return f.frames.encode(
        ("{\"data\":\"" + "x".repeat(8 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private void connect() throws Exception {
    connect(1 << 20);
  }

  @Test
  void aBroadcastArrivingMidPassRidesThePassToConnectionsNotYetFlushed() throws Exception {
    // Passes of one connection per chunk: A is flushed, then the loop runs what waited (a second
    // broadcast), then B gets both messages in one flush, then A the second one.
    FlushCounter flushesA = new FlushCounter();
    FlushCounter flushesB = new FlushCounter();
    AtomicLong receivedB = new AtomicLong();
    Channel sideA = accept(flushesA, new AtomicLong());
    Channel sideB = accept(flushesB, receivedB);
    NettyLoop chunked = new NettyLoop(sideA.eventLoop(), 1);
    NettyConnection a = connection(sideA, chunked, 1 << 20);
    NettyConnection b = connection(sideB, chunked, 1 << 20);
    Frame frame = frame();
    int size = ((NettyFrame) frame).buf.readableBytes();
    Runnable broadcast =
        () -> {
          chunked.broadcastStarted();
          a.deliver(frame);
          b.deliver(frame);
          chunked.broadcastEnded();
        };
    sideA
        .eventLoop()
        .submit(
            () -> {
              a.deliver(
                  frame); // a write outside a broadcast: a flush pending, so the next coalesces
              broadcast.run();
              sideA.eventLoop().execute(broadcast); // queued behind the pass's first chunk
            })
        .get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> receivedB.get() == 2L * size);
    await().atMost(Duration.ofSeconds(5)).until(() -> flushesA.count == 2);
    assertThat(flushesB.count).as("both broadcasts in one flush to B").isEqualTo(1);
    frame.release();
  }

  private Channel accept(FlushCounter counter, AtomicLong received) throws Exception {
    LocalAddress address = new LocalAddress("flush-" + System.nanoTime());
    CompletableFuture<Channel> accepted = new CompletableFuture<>();
    new ServerBootstrap()
        .group(group)
        .channel(LocalServerChannel.class)
        .childHandler(
            new ChannelInitializer<LocalChannel>() {
              @Override
              protected void initChannel(LocalChannel ch) {
                ch.pipeline().addLast(counter);
                accepted.complete(ch);
              }
            })
        .bind(address)
        .sync();
    new Bootstrap()
        .group(group)
        .channel(LocalChannel.class)
        .handler(
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                received.addAndGet(((ByteBuf) msg).readableBytes());
                ((ByteBuf) msg).release();
              }
            })
        .connect(address)
        .sync();
    return accepted.get(5, TimeUnit.SECONDS);
  }

  private NettyConnection connection(Channel channel, NettyLoop on, long maxOutboundBytes) {
    return new NettyConnection(
        channel,
        on,
        f.frames,
        NettyFixture.APP,
        "1.1",
        f.protocol.newState(),
        maxOutboundBytes,
        slowClosed);
  }

  private void connect(long maxOutboundBytes) throws Exception {
    serverSide = accept(flushes, receivedBytes);
    loop = new NettyLoop(serverSide.eventLoop());
    conn = connection(serverSide, loop, maxOutboundBytes);
  }
}
