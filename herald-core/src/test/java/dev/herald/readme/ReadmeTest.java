package dev.herald.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Broadcaster;
import dev.herald.Channel;
import dev.herald.FailedBroadcast;
import dev.herald.FakeBroadcaster;
import dev.herald.TransactionSynchronizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's "Broadcast from Java" section honest: every Java block in it appears, line by
 * line, in this package's sources or in herald-redis's {@code dev.herald.redis.readme} (for
 * "Publishing straight into Redis", which needs that module); those compile, and their tests run.
 * The Maven coordinates name this build's version.
 */
class ReadmeTest {
  private static final Path README = Path.of("..", "README.md");
  private static final List<Path> SOURCES =
      List.of(
          Path.of("src", "test", "java", "dev", "herald", "readme"),
          Path.of("..", "herald-redis", "src", "test", "java", "dev", "herald", "redis", "readme"));
  private static final String SECTION = "## Broadcast from Java";

  @Test
  void everyJavaBlockOfTheSectionIsCompiledFromTestSources() throws IOException {
    List<String> blocks = blocks("java");
    assertThat(blocks).as("Java blocks in the section").hasSizeGreaterThanOrEqualTo(5);
    List<List<String>> sources = new ArrayList<>();
    for (Path directory : SOURCES) {
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          sources.add(lines(Files.readString(file)));
        }
      }
    }
    for (String block : blocks) {
      List<String> wanted = lines(block);
      assertThat(sources.stream().anyMatch(source -> contains(source, wanted)))
          .as("README block not found in %s:%n%s", SOURCES, block)
          .isTrue();
    }
  }

  @Test
  void theMavenCoordinatesNameThisVersion() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(pom);
    assertThat(version.find()).isTrue();
    assertThat(blocks("xml"))
        .anySatisfy(
            xml ->
                assertThat(xml)
                    .contains("<groupId>dev.herald</groupId>")
                    .contains("<artifactId>herald-core</artifactId>")
                    .contains("<version>" + version.group(1) + "</version>"));
  }

  @Test
  void theSetupSnippetsWorkAgainstAFake() {
    FakeBroadcaster fake = new FakeBroadcaster();
    ReadmeSnippets.fluent(fake, "123.456");
    fake.assertBroadcastOn(Channel.publicChannel("dashboard"), "stats.updated");

    FakeBroadcaster delegate = new FakeBroadcaster();
    TransactionSynchronizer none =
        new TransactionSynchronizer() {
          @Override
          public boolean isTransactionActive() {
            return false;
          }

          @Override
          public void afterCompletion(java.util.function.Consumer<Boolean> callback) {
            throw new AssertionError("no transaction is active");
          }
        };
    List<FailedBroadcast> failed = new ArrayList<>();
    try (Broadcaster broadcaster = ReadmeSnippets.delivery(delegate, none, failed::add)) {
      broadcaster.broadcast(new OrderShipped(42, "DHL")).join();
    }
    delegate.assertBroadcast(OrderShipped.class);
    assertThat(failed).isEmpty();
    ReadmeSnippets.http().close();
  }

  /** The fenced blocks of one language in the section. */
  private static List<String> blocks(String language) throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf(SECTION);
    assertThat(start).as("the README has a '%s' section", SECTION).isNotNegative();
    int end = readme.indexOf("\n## ", start + SECTION.length());
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Matcher fence =
        Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(section);
    List<String> blocks = new ArrayList<>();
    while (fence.find()) {
      blocks.add(fence.group(1));
    }
    return blocks;
  }

  /** Non-blank lines, without indentation: blocks may be indented differently than in a method. */
  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  private static boolean contains(List<String> source, List<String> wanted) {
    return java.util.Collections.indexOfSubList(source, wanted) >= 0;
  }
}
