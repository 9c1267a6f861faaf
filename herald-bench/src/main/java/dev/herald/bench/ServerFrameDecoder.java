package dev.herald.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import java.util.List;

/**
 * The load client's reader of server frames (RFC 6455 §5.2: unmasked, unfragmented), cheaper than
 * Netty's decoder so the client is not what a benchmark measures: a benchmark event is counted by
 * {@link Deliveries} straight from the read buffer, with no frame object and no UTF-8 validation;
 * every other text frame, close and ping is passed on as Netty's frame (the protocol handler
 * answers pings). Fragmented or masked frames are refused: no server under test sends them.
 */
final class ServerFrameDecoder extends ByteToMessageDecoder implements WebSocketFrameDecoder {
  private static final int OP_TEXT = 0x1;
  private static final int OP_CLOSE = 0x8;
  private static final int OP_PING = 0x9;
  private static final int OP_PONG = 0xA;

  private final Deliveries deliveries;
  private final int maxPayload;

  /** {@code deliveries} may be null: then benchmark events are passed on like any text frame. */
  ServerFrameDecoder(Deliveries deliveries, int maxPayload) {
    this.deliveries = deliveries;
    this.maxPayload = maxPayload;
  }

  /**
   * Unlike {@link ByteToMessageDecoder}'s, never asks for another read: counting a benchmark event
   * passes nothing on, and a reader that stopped reading (S4's stalled ones, autoRead off) must
   * stay stopped.
   */
  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    discardSomeReadBytes();
    ctx.fireChannelReadComplete();
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= 2) {
      int start = in.readerIndex();
      int first = in.getUnsignedByte(start);
      int second = in.getUnsignedByte(start + 1);
      if ((first & 0x80) == 0 || (second & 0x80) != 0) {
        throw new CorruptedFrameException("fragmented or masked frame from the server");
      }
      int header = 2;
      long length = second & 0x7F;
      if (length == 126) {
        if (in.readableBytes() < 4) {
          return;
        }
        length = in.getUnsignedShort(start + 2);
        header = 4;
      } else if (length == 127) {
        if (in.readableBytes() < 10) {
          return;
        }
        length = in.getLong(start + 2);
        header = 10;
      }
      if (length > maxPayload || length < 0) {
        throw new TooLongFrameException("frame of " + length + " bytes");
      }
      if (in.readableBytes() < header + length) {
        return;
      }
      int from = start + header;
      int to = from + (int) length;
      long now = System.nanoTime();
      int opcode = first & 0x0F;
      if (opcode == OP_TEXT && deliveries != null && deliveries.record(in, from, to, now)) {
        in.readerIndex(to);
        continue;
      }
      in.readerIndex(from);
      switch (opcode) {
        case OP_TEXT -> out.add(new TextWebSocketFrame(in.readRetainedSlice((int) length)));
        case OP_CLOSE ->
            out.add(new CloseWebSocketFrame(true, 0, in.readRetainedSlice((int) length)));
        case OP_PING -> out.add(new PingWebSocketFrame(in.readRetainedSlice((int) length)));
        case OP_PONG -> in.skipBytes((int) length);
        default -> throw new CorruptedFrameException("unexpected opcode " + opcode);
      }
    }
  }
}
