package dev.herald.server.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import dev.herald.server.LogFormat;
import org.slf4j.LoggerFactory;

/**
 * Switches {@code herald serve}'s console log to the configured {@link LogFormat}: the text format
 * of {@code logback.xml}, or one JSON object per line (logback's {@link JsonEncoder}: {@code
 * timestamp}, {@code level}, {@code threadName}, {@code loggerName}, {@code formattedMessage},
 * {@code mdc}, and {@code throwable} with its stack). Only {@code herald serve} calls this; an
 * embedded server leaves the application's logging alone.
 */
final class LogOutput {
  static final String JSON_APPENDER = "STDOUT_JSON";

  private LogOutput() {}

  /** Writes the log in {@code format} from now on. */
  static void use(LogFormat format) {
    if (format != LogFormat.JSON
        || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root.getAppender(JSON_APPENDER) != null) {
      return;
    }
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMessage(false); // the pattern with {} placeholders
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true); // the message as text reads it
    encoder.start();
    ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
    json.setName(JSON_APPENDER);
    json.setContext(context);
    json.setEncoder(encoder);
    json.start();
    root.detachAndStopAllAppenders();
    root.addAppender(json);
  }
}
