package dev.herald.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code herald} command; on its own it only explains what to run. */
@Command(
    name = "herald",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = "Real-time event broadcasting that speaks the Pusher Channels protocol v7.",
    footer = {"", "Start a development server with: herald serve"})
final class HeraldCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: try 'herald serve'");
  }
}
