package dev.herald.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.Locale;
import java.util.Map;

/**
 * The raw-Netty baseline: the smallest server that speaks the Pusher subset of the fan-out
 * benchmark, with one accept thread and one event loop, so Herald can be compared with the ceiling
 * of its own transport. Usage: {@code BaselineServer --port 6101 --mode flush|coalesce}.
 */
public final class BaselineServer {
  private BaselineServer() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = Args.parse(args);
    int port = Integer.parseInt(options.getOrDefault("port", "6101"));
    WriteMode mode =
        WriteMode.valueOf(options.getOrDefault("mode", "flush").toUpperCase(Locale.ROOT));
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup boss = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
    EventLoopGroup worker = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
    Subscribers subscribers = new Subscribers(mode);
    Channel server =
        new ServerBootstrap()
            .group(boss, worker)
            .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 4096)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(1024 * 1024))
                        .addLast(new BaselineHandler(subscribers));
                  }
                })
            .bind("127.0.0.1", port)
            .sync()
            .channel();
    System.out.printf(
        "baseline server on 127.0.0.1:%d, mode %s, %s%n",
        port, mode.name().toLowerCase(Locale.ROOT), epoll ? "epoll" : "nio");
    server.closeFuture().sync();
  }
}
