package org.agentworkspace.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * {@code GenerateJooqClasses <migrations dir> <output dir> <package>}: starts a throwaway embedded
 * PostgreSQL, applies the migrations with Flyway, and generates jOOQ classes from what PostgreSQL
 * reports. A real server reads every statement the runtime will run (policies, functions),
 * which jOOQ's own DDL parser cannot.
 */
public final class GenerateJooqClasses {
    private GenerateJooqClasses() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: GenerateJooqClasses <migrations dir> <output dir> <package>");
        }
        Path migrations = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        String packageName = args[2];
        if (!Files.isDirectory(migrations)) {
            throw new IllegalArgumentException("no migrations directory at " + migrations);
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("filesystem:" + migrations)
                    // One role here: the grants to a separate runtime role do not shape the classes.
                    .placeholders(java.util.Map.of("runtimeRole", ""))
                    .loggers("slf4j").load().migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver")
                            .withUrl(postgres.getJdbcUrl("postgres", "postgres")).withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withExcludes("flyway_schema_history")
                                    .withOutputSchemaToDefault(true)
                                    // The domain speaks Instant; timestamptz carries no zone worth keeping.
                                    .withForcedTypes(new ForcedType().withName("INSTANT")
                                            .withIncludeTypes("timestamp\\s+with\\s+time\\s+zone|timestamptz")))
                            .withGenerate(new Generate()
                                    .withJavaTimeTypes(true)
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withRoutines(false)
                                    .withGeneratedAnnotation(false)
                                    .withComments(false))
                            .withTarget(new Target().withPackageName(packageName)
                                    .withDirectory(output.toString()).withClean(true))));
        }
    }
}
