#include "TestRegistry.h"
#include "TestFiles.h"
#include "TestSpecs.h"

#include "pg/DrizzleProject.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;
using namespace strata::test;

// The config file's own rows are in DrizzleConfigFileTest, .env's in DotEnvTest; these are
// about how a project puts them together with the environment.
class DrizzleProjectTest : public QObject
{
    Q_OBJECT

private slots:
    void connectionChoice_data()
    {
        QTest::addColumn<QByteArray>("config");  // empty: no config file
        QTest::addColumn<QByteArray>("dotEnv");  // empty: no .env
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<bool>("migrate");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("source");

        const QByteArray both = "DATABASE_URL=postgres://app@pooler:6543/db\n"
                                "DIRECT_URL=postgres://app@direct:5432/db\n";
        QTest::newRow("browse uses dbCredentials.url from .env")
            << typicalDrizzleConfig() << both << QStringList{} << false << "pooler"
            << "drizzle.config.ts dbCredentials.url (.env DATABASE_URL)";
        QTest::newRow("migrate prefers DIRECT_URL")
            << typicalDrizzleConfig() << both << QStringList{} << true << "direct"
            << ".env DIRECT_URL";
        QTest::newRow("migrate without DIRECT_URL uses dbCredentials.url")
            << typicalDrizzleConfig() << QByteArray("DATABASE_URL=postgres://pooler/db\n")
            << QStringList{} << true << "pooler"
            << "drizzle.config.ts dbCredentials.url (.env DATABASE_URL)";
        QTest::newRow("environment beats .env")
            << typicalDrizzleConfig() << both << QStringList{"DATABASE_URL=postgres://from-env/db"}
            << false << "from-env"
            << "drizzle.config.ts dbCredentials.url (environment DATABASE_URL)";
        QTest::newRow("DIRECT_URL from the environment")
            << typicalDrizzleConfig() << both << QStringList{"DIRECT_URL=postgres://env-direct/db"}
            << true << "env-direct"
            << "environment DIRECT_URL";
        QTest::newRow("no config: DATABASE_URL")
            << QByteArray() << both << QStringList{} << false << "pooler"
            << ".env DATABASE_URL";
        QTest::newRow("no config, migrate: DIRECT_URL")
            << QByteArray() << both << QStringList{} << true << "direct"
            << ".env DIRECT_URL";
        QTest::newRow("literal url")
            << QByteArray("export default { dbCredentials: { url: 'postgresql://lit/db' } }")
            << QByteArray() << QStringList{} << false << "lit"
            << "drizzle.config.ts dbCredentials.url";
        QTest::newRow("literal url beats DATABASE_URL when browsing")
            << QByteArray("export default { dbCredentials: { url: 'postgresql://lit/db' } }")
            << both << QStringList{} << false << "lit"
            << "drizzle.config.ts dbCredentials.url";
        QTest::newRow("env with ?? fallback, unset")
            << QByteArray("export default { dbCredentials: { url: process.env.PG_URL ?? "
                          "\"postgres://fallback/db\" } }")
            << QByteArray() << QStringList{} << false << "fallback"
            << "drizzle.config.ts dbCredentials.url";
        QTest::newRow("env with ?? fallback, set")
            << QByteArray("export default { dbCredentials: { url: process.env.PG_URL ?? "
                          "\"postgres://fallback/db\" } }")
            << QByteArray("PG_URL=postgres://set/db\n") << QStringList{} << false << "set"
            << "drizzle.config.ts dbCredentials.url (.env PG_URL)";
        QTest::newRow("bracket access with as string")
            << QByteArray(
                   "export default { dbCredentials: { url: process.env[\"PG_URL\"] as string } }")
            << QByteArray("PG_URL=postgres://bracket/db\n") << QStringList{} << false << "bracket"
            << "drizzle.config.ts dbCredentials.url (.env PG_URL)";
        QTest::newRow("unset url variable falls back to DATABASE_URL")
            << QByteArray("export default { dbCredentials: { url: process.env.MISSING! } }") << both
            << QStringList{} << false << "pooler"
            << ".env DATABASE_URL";
        QTest::newRow("host fields") << QByteArray(
            "export default { dbCredentials: { host: 'fields', port: 5433, user: 'u', "
            "password: process.env.PGPW, database: 'db', ssl: false } }")
                                     << QByteArray("PGPW=x\n") << QStringList{} << false << "fields"
                                     << "drizzle.config.ts dbCredentials";
        QTest::newRow("nothing anywhere")
            << QByteArray() << QByteArray() << QStringList{} << true << ""
            << "";
    }

    void connectionChoice()
    {
        QFETCH(QByteArray, config);
        QFETCH(QByteArray, dotEnv);
        QFETCH(QStringList, environment);
        QFETCH(bool, migrate);
        QFETCH(QString, host);
        QFETCH(QString, source);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (!config.isEmpty())
            QVERIFY(writeFile(dir.filePath(QStringLiteral("drizzle.config.ts")), config));
        if (!dotEnv.isEmpty())
            QVERIFY(writeFile(dir.filePath(QStringLiteral(".env")), dotEnv));
        const DrizzleProject project = DrizzleProject::read(dir.path(), environmentOf(environment));
        const DrizzleProject::Purpose purpose =
            migrate ? DrizzleProject::Purpose::Migrate : DrizzleProject::Purpose::Browse;
        SpecError error;
        const ConnectionSpec spec = project.connection(purpose, &error);
        QVERIFY2(error.isNull(), qPrintable(error.toString()));
        QCOMPARE(spec.host(), host);
        QCOMPARE(spec.isEmpty(), host.isEmpty());
        QCOMPARE(project.connectionSource(purpose), source);
    }

    void hostFieldsBecomeKeywords()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("drizzle.config.ts")),
                          "export default defineConfig({ dialect: 'postgresql', dbCredentials: {\n"
                          "  host: process.env.DB_HOST!, port: Number(process.env.DB_PORT),\n"
                          "  user: 'app', password: process.env.DB_PASSWORD, database: 'shop',\n"
                          "  ssl: 'require' } })\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral(".env")),
                          "DB_HOST=db.internal\nDB_PASSWORD=pw\n"));
        const DrizzleProject project = DrizzleProject::read(dir.path(), environmentOf({}));
        // Number(…) is a call: reported, and the port left to libpq's default.
        QCOMPARE(project.warnings().size(), 1);
        QCOMPARE(project.warnings().first().line, 2);
        const ConnectionSpec spec = project.connection(DrizzleProject::Purpose::Browse);
        QCOMPARE(spec.host(), QStringLiteral("db.internal"));
        QCOMPARE(spec.port(), QString());
        QCOMPARE(spec.user(), QStringLiteral("app"));
        QCOMPARE(spec.password(), QStringLiteral("pw"));
        QCOMPARE(spec.dbname(), QStringLiteral("shop"));
        QCOMPARE(spec.value(QStringLiteral("sslmode")), QStringLiteral("require"));
    }

    void dotenvConfigPath()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("drizzle.config.ts")),
                          "import { config } from 'dotenv';\n"
                          "config({ path: '.env.local' });\n"
                          "export default defineConfig({ dbCredentials: { url: "
                          "process.env.DATABASE_URL! } })\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral(".env.local")),
                          "DATABASE_URL=postgres://local/db\nONLY_LOCAL=1\n"));
        QVERIFY(
            writeFile(dir.filePath(QStringLiteral(".env")), "DATABASE_URL=postgres://dotenv/db\n"));
        DrizzleProject project = DrizzleProject::read(dir.path(), environmentOf({}));
        // drizzle-kit loads .env first and dotenv does not override what is set.
        QCOMPARE(project.connection(DrizzleProject::Purpose::Browse).host(),
                 QStringLiteral("dotenv"));
        QCOMPARE(project.envValue(QStringLiteral("ONLY_LOCAL")), QStringLiteral("1"));
        QCOMPARE(project.envOrigin(QStringLiteral("ONLY_LOCAL")), QStringLiteral(".env.local"));

        QVERIFY(QFile::remove(dir.filePath(QStringLiteral(".env"))));
        project = DrizzleProject::read(dir.path(), environmentOf({}));
        QCOMPARE(project.connection(DrizzleProject::Purpose::Browse).host(),
                 QStringLiteral("local"));
        QCOMPARE(project.connectionSource(DrizzleProject::Purpose::Browse),
                 QStringLiteral("drizzle.config.ts dbCredentials.url (.env.local DATABASE_URL)"));
    }

    void envValuePrecedence()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral(".env")), "A=from-file\nB=from-file\n"));
        const DrizzleProject project =
            DrizzleProject::read(dir.path(), environmentOf({"A=from-env", "EMPTY="}));
        QCOMPARE(project.envValue(QStringLiteral("A")), QStringLiteral("from-env"));
        QCOMPARE(project.envValue(QStringLiteral("B")), QStringLiteral("from-file"));
        QVERIFY(project.hasEnvValue(QStringLiteral("EMPTY")));
        QVERIFY(!project.hasEnvValue(QStringLiteral("C")));
        QCOMPARE(project.envFile(), QDir(dir.path()).filePath(QStringLiteral(".env")));
    }

    void malformedUrl()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString envPath = dir.filePath(QStringLiteral(".env"));
        QVERIFY(writeFile(envPath, "# urls\nDATABASE_URL=postgres://h:port/db\n"));
        const DrizzleProject project = DrizzleProject::read(dir.path(), environmentOf({}));
        QCOMPARE(project.warnings().size(), 1);
        QCOMPARE(project.warnings().first().source, envPath);
        QCOMPARE(project.warnings().first().line, 2);
        SpecError error;
        QVERIFY(project.connection(DrizzleProject::Purpose::Browse, &error).isEmpty());
        QVERIFY2(error.message.contains(QLatin1String("DATABASE_URL")), qPrintable(error.message));

        // A literal URL in the config: the column points into the literal.
        const QString configPath = dir.filePath(QStringLiteral("drizzle.config.ts"));
        QVERIFY(writeFile(configPath,
                          "export default {\n  dbCredentials: { url: 'postgres://h/d%zz' },\n}\n"));
        const DrizzleProject literal = DrizzleProject::read(dir.path(), environmentOf({}));
        QVERIFY(literal.connection(DrizzleProject::Purpose::Browse, &error).isEmpty());
        QCOMPARE(error.source, configPath);
        QCOMPARE(error.line, 2);
        QCOMPARE(error.column, 40);  // the '%' of d%zz
    }

    void unusableFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SpecError error;
        DrizzleProject::read(dir.filePath(QStringLiteral("missing")), environmentOf({}), &error);
        QVERIFY(!error.isNull());
        QVERIFY(error.source.endsWith(QLatin1String("missing")));

        const QString file = dir.filePath(QStringLiteral("file"));
        QVERIFY(writeFile(file, "x"));
        DrizzleProject::read(file, environmentOf({}), &error);
        QVERIFY(!error.isNull());

        // An empty folder is fine: drizzle's defaults, no database.
        const DrizzleProject empty = DrizzleProject::read(dir.path(), environmentOf({}), &error);
        QVERIFY(error.isNull());
        QVERIFY(empty.connection(DrizzleProject::Purpose::Migrate).isEmpty());
        QCOMPARE(empty.migrationsTable(), QStringLiteral("__drizzle_migrations"));
        QCOMPARE(empty.migrationsSchema(), QStringLiteral("drizzle"));
    }

    void dotEnvWarningsReachTheProject()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral(".env")),
                          "DATABASE_URL=postgres://h/db\nbroken line\n"));
        const DrizzleProject project = DrizzleProject::read(dir.path(), environmentOf({}));
        QCOMPARE(project.warnings().size(), 1);
        QCOMPARE(project.warnings().first().line, 2);
        QCOMPARE(project.connection(DrizzleProject::Purpose::Browse).host(), QStringLiteral("h"));
    }
};

STRATA_TEST(DrizzleProjectTest)

#include "DrizzleProjectTest.moc"
