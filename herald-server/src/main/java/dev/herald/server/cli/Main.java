package dev.herald.server.cli;

/** The entry point of the runnable jar: {@code java -jar herald-server.jar serve}. */
public final class Main {
  private Main() {}

  /** Runs the {@code herald} command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(new HeraldCli(System.getenv()).run(args));
  }
}
