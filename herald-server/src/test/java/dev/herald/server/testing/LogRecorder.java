package dev.herald.server.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records what one class logs, down to INFO (or a lower level), while open. Thread-safe. */
public final class LogRecorder implements AutoCloseable {
  private final Logger logger;
  private final Level level;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public LogRecorder(Class<?> source) {
    this(source, Level.INFO);
  }

  /** Records from {@code lowest} up (e.g. {@link Level#DEBUG}). */
  public LogRecorder(Class<?> source, Level lowest) {
    logger = (Logger) LoggerFactory.getLogger(source);
    level = logger.getLevel();
    logger.setLevel(lowest);
    appender.start();
    logger.addAppender(appender);
  }

  /** The formatted messages logged at {@code level}. */
  public List<String> messages(Level at) {
    synchronized (appender.list) {
      return appender.list.stream()
          .filter(e -> e.getLevel() == at)
          .map(ILoggingEvent::getFormattedMessage)
          .toList();
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(level);
  }
}
