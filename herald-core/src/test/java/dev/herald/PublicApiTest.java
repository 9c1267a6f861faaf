package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * herald-core's public surface, checked in: every public top-level type of the library is listed in
 * {@code src/test/resources/dev/herald/public-api.txt}, so making a type public (or removing one)
 * is a visible, reviewed change to that file and not an accident. Types public only for the sibling
 * modules are marked there as internal.
 */
class PublicApiTest {
  private static final Path LISTING =
      Path.of("src", "test", "resources", "dev", "herald", "public-api.txt");

  @Test
  void thePublicTypesAreExactlyTheListedOnes() throws Exception {
    List<String> listed =
        Files.readAllLines(LISTING, StandardCharsets.UTF_8).stream()
            .map(line -> line.replaceFirst("#.*", "").strip())
            .filter(line -> !line.isEmpty())
            .sorted()
            .toList();

    assertThat(publicTypes())
        .as(
            "the public types of herald-core; change %s on purpose (and say why in the commit)",
            LISTING)
        .containsExactlyElementsOf(listed);
  }

  private static List<String> publicTypes() throws IOException, URISyntaxException {
    Path classes =
        Path.of(Broadcaster.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(classes)) {
      return files
          .filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
          .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
          .filter(name -> !name.endsWith("package-info"))
          .filter(PublicApiTest::isPublic)
          .sorted()
          .toList();
    }
  }

  private static boolean isPublic(String name) {
    try {
      return Modifier.isPublic(Class.forName(name).getModifiers());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
