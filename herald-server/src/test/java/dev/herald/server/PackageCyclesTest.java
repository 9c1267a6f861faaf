package dev.herald.server;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The server's packages depend on each other one way only: no package reaches back, directly or
 * through others, into a package that depends on it. Checked by ArchUnit on the compiled main
 * classes (the test classes are left out), with every package its own slice, the root package
 * ({@link HeraldServer}, the composition root) included. Bytecode is what is checked, so a
 * dependency that exists only in source (an inlined constant, a Javadoc link) is not seen.
 */
class PackageCyclesTest {
  private static final String SERVER = "dev.herald.server";

  /** Each package of the server is one slice; classes of other modules are ignored. */
  private static final SliceAssignment EACH_PACKAGE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          String name = javaClass.getPackageName();
          return name.equals(SERVER) || name.startsWith(SERVER + ".")
              ? SliceIdentifier.of(name)
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "the packages of " + SERVER;
        }
      };

  @Test
  void theServerPackagesFormNoCycle() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SERVER);
    assertThat(main.contain(HeraldServer.class)).as("the main classes were imported").isTrue();

    slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(main);
  }
}
