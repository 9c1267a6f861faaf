package dev.herald.server.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the runnable jar's manifest ({@code Implementation-Version}). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {
      "herald " + (version == null ? "(development build)" : version),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
