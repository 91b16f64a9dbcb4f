package muster.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The engine is pure: no files, no network, no console, no clock. The same scenario and seed must
 * give the same plan, and the engine must be callable from the CLI, the server and a distributed
 * runner alike.
 */
class EnginePurityTest {
    private static final JavaClasses ENGINE =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("muster.engine");

    @Test
    void engineDoesNoFileOrNetworkIo() {
        ArchRule rule =
                noClasses()
                        .that()
                        .resideInAPackage("muster.engine..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("java.io..", "java.nio.file..", "java.net..")
                        .because("the engine does no I/O; muster-io and muster-cli do");
        rule.check(ENGINE);
    }

    @Test
    void engineReadsNoClockAndPrintsNothing() {
        ArchRule rule =
                noClasses()
                        .that()
                        .resideInAPackage("muster.engine..")
                        .should()
                        .callMethod(System.class, "currentTimeMillis")
                        .orShould()
                        .callMethod(System.class, "nanoTime")
                        .orShould()
                        .callMethod(java.time.Instant.class, "now")
                        .orShould()
                        .callMethod(java.time.LocalDate.class, "now")
                        .orShould()
                        .callMethod(java.time.LocalDateTime.class, "now")
                        .orShould()
                        .callMethod(java.time.ZonedDateTime.class, "now")
                        .orShould()
                        .callMethod(java.time.OffsetDateTime.class, "now")
                        .orShould()
                        .callMethod(System.class, "getenv")
                        .orShould()
                        .callMethod(System.class, "getenv", String.class)
                        .orShould()
                        .callMethod(System.class, "getProperty", String.class)
                        .orShould()
                        .callMethod(Math.class, "random")
                        .orShould()
                        .callConstructor(java.util.Random.class)
                        .orShould()
                        .callConstructor(java.util.SplittableRandom.class)
                        .orShould()
                        .dependOnClassesThat()
                        .haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                        .orShould()
                        .accessField(System.class, "out")
                        .orShould()
                        .accessField(System.class, "err")
                        .orShould()
                        .dependOnClassesThat()
                        .haveFullyQualifiedName("java.time.Clock")
                        .because("a plan depends only on the scenario and the seed");
        rule.check(ENGINE);
    }
}
