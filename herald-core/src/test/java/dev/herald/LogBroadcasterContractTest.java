package dev.herald;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;

/** The contract, against {@link LogBroadcaster}, read back from the log lines it wrote. */
class LogBroadcasterContractTest extends DeliveryContract {
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @Override
  protected Broadcaster newBroadcaster() {
    Logger logger = new LoggerContext().getLogger("broadcasts");
    lines.start();
    logger.addAppender(lines);
    return new LogBroadcaster(logger, Broadcast.DEFAULT_MAX_PAYLOAD_BYTES);
  }

  @Override
  protected Observer observe(List<Channel> channels) {
    return RecordedObserver.of(this::sent, channels);
  }

  @Override
  protected boolean encrypts() {
    return false;
  }

  /** Each line's arguments: name, channels, [socket id,] data. */
  private List<RecordedObserver.Sent> sent() {
    List<RecordedObserver.Sent> sent = new ArrayList<>();
    for (ILoggingEvent line : List.copyOf(lines.list)) {
      Object[] args = line.getArgumentArray();
      String socketId = args.length == 4 ? (String) args[2] : null;
      for (Object channel : (List<?>) args[1]) {
        sent.add(
            new RecordedObserver.Sent(
                channel.toString(), (String) args[0], (String) args[args.length - 1], socketId));
      }
    }
    return sent;
  }
}
