package dev.herald.server.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.api.ApiResponse;
import dev.herald.server.api.EventStream;
import dev.herald.server.api.StreamOutput;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The chunked answer of a streaming API response, on an {@link EmbeddedChannel}. */
class EventStreamHandlerTest {
  /** Records its callbacks; writes one event when opened. */
  static final class RecordingStream implements EventStream {
    final List<String> calls = new ArrayList<>();
    StreamOutput out;

    @Override
    public void opened(StreamOutput output) {
      out = output;
      calls.add("opened");
      out.write("data: {}\n\n");
      out.flush();
    }

    @Override
    public void resumed() {
      calls.add("resumed");
    }

    @Override
    public void closed() {
      calls.add("closed");
    }
  }

  private final RecordingStream stream = new RecordingStream();
  private final EmbeddedChannel channel = new EmbeddedChannel();

  /** Answers with the stream from a handler that stands in for the router it replaces. */
  private void start() {
    channel
        .pipeline()
        .addLast("http-idle", new ReadTimeoutHandler(60))
        .addLast("router", new ChannelInboundHandlerAdapter());
    ChannelHandlerContext router = channel.pipeline().context("router");
    EventStreamHandler.start(router, HttpVersion.HTTP_1_1, ApiResponse.stream(stream));
    channel.runPendingTasks();
  }

  @Test
  void sendsAChunkedEventStreamHeadThenTheStreamsWrites() {
    start();

    HttpResponse head = channel.readOutbound();
    assertThat(head.status().code()).isEqualTo(200);
    assertThat(head.headers().get("content-type")).isEqualTo("text/event-stream");
    assertThat(HttpUtil.isTransferEncodingChunked(head)).isTrue();
    HttpContent event = channel.readOutbound();
    assertThat(event.content().toString(StandardCharsets.UTF_8)).isEqualTo("data: {}\n\n");
    event.release();
    assertThat(channel.pipeline().get("http-idle")).as("silence is normal on a stream").isNull();
    assertThat(stream.calls).containsExactly("opened");
  }

  @Test
  void keepsTheConnectionAliveWithAComment() {
    start();
    channel.readOutbound();
    ((HttpContent) channel.readOutbound()).release();

    channel.advanceTimeBy(EventStreamHandler.KEEPALIVE_SECONDS, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();

    HttpContent comment = channel.readOutbound();
    assertThat(comment.content().toString(StandardCharsets.UTF_8)).isEqualTo(":\n\n");
    comment.release();
  }

  @Test
  void closesTheStreamOnceWhenTheClientGoes() {
    start();

    channel.close();
    channel.runPendingTasks();
    channel.finishAndReleaseAll();

    assertThat(stream.calls).containsExactly("opened", "closed");
  }
}
