package dev.herald.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's channel authorization and webhook snippets honest: each Java block of those
 * subsections appears verbatim (at some indentation) in {@link AuthEndpoint} or {@link
 * WebhookEndpoint}, which compile and whose tests run over real sockets.
 */
class AuthorizationReadmeTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCES = Path.of("src", "test", "java", "dev", "herald", "readme");

  @Test
  void theAuthorizationSnippetsAreCompiledFromTheExampleEndpoint() throws IOException {
    List<String> blocks = javaBlocks("### Authorizing channels");
    String source = Files.readString(SOURCES.resolve("AuthEndpoint.java"));

    assertThat(blocks).hasSize(3);
    for (String block : blocks) {
      assertThat(containsIndented(source, block))
          .as("README block not found verbatim in AuthEndpoint.java:%n%s", block)
          .isTrue();
    }
    assertThat(blocks.get(0)).contains(".channel(", "\"orders.{orderId}\"", ".presence(");
    assertThat(blocks.get(1))
        .contains("/broadcasting/auth", "\"socket_id\"", "\"channel_name\"")
        .containsPattern("AuthorizationDeniedException e\\) \\{\\s+reply\\(exchange, 403")
        .containsPattern("IllegalArgumentException e\\) \\{\\s+reply\\(exchange, 400");
    assertThat(blocks.get(2)).contains("\"X-Socket-ID\"");
  }

  @Test
  void theWebhookSnippetIsCompiledFromTheExampleEndpoint() throws IOException {
    List<String> blocks = javaBlocks("### Verifying webhooks");
    String source = Files.readString(SOURCES.resolve("WebhookEndpoint.java"));

    assertThat(blocks).hasSize(1);
    assertThat(containsIndented(source, blocks.get(0))).as(blocks.get(0)).isTrue();
    assertThat(blocks.get(0)).contains("\"X-Pusher-Key\"", "\"X-Pusher-Signature\"");
  }

  /** Whether {@code source} contains {@code block} exactly, every line indented the same. */
  private static boolean containsIndented(String source, String block) {
    for (int indent = 0; indent <= 12; indent += 2) {
      String indented = block.indent(indent).replaceAll("(?m)^[ ]+$", "");
      if (source.contains(indented)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The fenced Java blocks of one subsection, found by its heading wherever it sits in the README,
   * up to the next heading of the same or a higher level.
   */
  private static List<String> javaBlocks(String heading) throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("\n" + heading + "\n");
    assertThat(start).as("the README has a '%s' subsection", heading).isNotNegative();
    Matcher next = Pattern.compile("\n#{2,3} ").matcher(readme);
    int end = next.find(start + heading.length()) ? next.start() : readme.length();
    Matcher fence =
        Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(start, end));
    List<String> blocks = new ArrayList<>();
    while (fence.find()) {
      blocks.add(fence.group(1));
    }
    return blocks;
  }
}
