#include "TestRegistry.h"
#include "TestFiles.h"
#include "TestSpecs.h"

#include "pg/DrizzleConfigFile.h"
#include "pg/DrizzleProject.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace strata;
using namespace strata::test;

namespace {

// drizzle.config.* in `folder` read on its own, with no variable set.
DrizzleConfigFile readConfig(const QString &folder, QList<SpecError> *warnings)
{
    DrizzleConfigFile config = DrizzleConfigFile::read(DrizzleConfigFile::find(folder), warnings);
    config.readSettings(
        [](const QString &) { return std::optional<DrizzleConfigFile::EnvVariable>(); }, warnings);
    return config;
}

} // namespace

// Most rows read the config through DrizzleProject, as Strata does, and then check that the
// file alone gives the same.
class DrizzleConfigFileTest : public QObject
{
    Q_OBJECT

private slots:
    void config_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("out");         // relative to the folder
        QTest::addColumn<QStringList>("schema");  // relative to the folder
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QStringList>("migrations");  // table, schema, prefix
        QTest::addColumn<bool>("breakpoints");

        const QStringList defaults{"__drizzle_migrations", "drizzle", "index"};
        QTest::newRow("defineConfig with process.env.DATABASE_URL!")
            << "drizzle.config.ts" << typicalDrizzleConfig() << "server/db/migrations"
            << QStringList{"server/db/schema.ts"} << "postgresql" << defaults << true;
        QTest::newRow("satisfies Config with literal url")
            << "drizzle.config.ts"
            // Not a raw string: moc would read the glob's "/*" as the start of a comment.
            << QByteArray(
                   "import type { Config } from \"drizzle-kit\";\n"
                   "export default {\n"
                   "  schema: \"./src/schema/\x2a\",\n"
                   "  out: \"./drizzle\",\n"
                   "  dialect: \"postgresql\",\n"
                   "  dbCredentials: { url: \"postgres://app:secret@localhost:5432/app\" },\n"
                   "} satisfies Config;\n")
            << "drizzle" << QStringList{"src/schema/*"} << "postgresql" << defaults << true;
        QTest::newRow("as Config, comments, trailing commas, backticks")
            << "drizzle.config.ts" << QByteArray(R"(// drizzle config
/* the out folder
   moved in 2024 */
export default ({
  out: `./db/migrations`, // was ./drizzle
  schema: [
    './db/schema/users.ts',
    "./db/schema/posts.ts", /* more later */
  ],
  dialect: 'postgresql',
  breakpoints: false,
  migrations: { table: 'my_migrations', schema: "public", prefix: 'timestamp', },
}) as Config;
)") << "db/migrations"
            << QStringList{"db/schema/users.ts", "db/schema/posts.ts"} << "postgresql"
            << QStringList{"my_migrations", "public", "timestamp"} << false;
        QTest::newRow("const config then export default")
            << "drizzle.config.ts"
            << QByteArray(R"(import { defineConfig, type Config } from 'drizzle-kit'
const config: Config = {
  out: 'migrations',
  dialect: 'postgresql',
}
export default config
)") << "migrations"
            << QStringList{} << "postgresql" << defaults << true;
        QTest::newRow("defineConfig of a const")
            << "drizzle.config.mts"
            << QByteArray("const c = { out: 'm', dialect: 'postgresql' } as const;\n"
                          "export default defineConfig(c);\n")
            << "m" << QStringList{} << "postgresql" << defaults << true;
        QTest::newRow("CommonJS module.exports")
            << "drizzle.config.cjs" << QByteArray(R"(/** @type { import("drizzle-kit").Config } */
module.exports = {
  schema: "./schema.js",
  out: "./sql",
  dialect: "postgresql",
};
)") << "sql" << QStringList{"schema.js"}
            << "postgresql" << defaults << true;
        QTest::newRow("JavaScript ES module")
            << "drizzle.config.js"
            << QByteArray(
                   "import { defineConfig } from 'drizzle-kit';\n"
                   "export default defineConfig({ dialect: \"postgresql\", out: \"./x\" });\n")
            << "x" << QStringList{} << "postgresql" << defaults << true;
        QTest::newRow("JSON config")
            << "drizzle.config.json"
            << QByteArray(R"({ "out": "./j", "schema": "./s.ts", "dialect": "postgresql" })") << "j"
            << QStringList{"s.ts"} << "postgresql" << defaults << true;
        QTest::newRow("quoted keys and a string with an escaped quote")
            << "drizzle.config.ts"
            << QByteArray(
                   "export default defineConfig({ 'out': 'it\\'s', \"dialect\": 'postgresql' })\n")
            << "it's" << QStringList{} << "postgresql" << defaults << true;
        QTest::newRow("no config: drizzle's defaults")
            << "" << QByteArray() << "drizzle" << QStringList{} << "" << defaults << true;
    }

    void config()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(QString, out);
        QFETCH(QStringList, schema);
        QFETCH(QString, dialect);
        QFETCH(QStringList, migrations);
        QFETCH(bool, breakpoints);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (!fileName.isEmpty())
            QVERIFY(writeFile(dir.filePath(fileName), content));
        SpecError error;
        const DrizzleProject project = DrizzleProject::read(
            dir.path(), environmentOf({"DATABASE_URL=postgres://h/db"}), &error);
        QVERIFY2(error.isNull(), qPrintable(error.toString()));
        QVERIFY2(project.warnings().isEmpty(), qPrintable(describe(project.warnings())));
        const QDir folder(dir.path());
        QCOMPARE(project.folder(), QDir::cleanPath(dir.path()));
        QCOMPARE(project.configFile(), fileName.isEmpty() ? QString() : folder.filePath(fileName));
        QCOMPARE(project.outDir(), QDir::cleanPath(folder.filePath(out)));
        QStringList absoluteSchema;
        for (const QString &path : schema)
            absoluteSchema << QDir::cleanPath(folder.filePath(path));
        QCOMPARE(project.schemaPaths(), absoluteSchema);
        QCOMPARE(project.dialect(), dialect);
        QCOMPARE(project.migrationsTable(), migrations[0]);
        QCOMPARE(project.migrationsSchema(), migrations[1]);
        QCOMPARE(project.migrationsPrefix(), migrations[2]);
        QCOMPARE(project.breakpoints(), breakpoints);

        // The file on its own gives the project its settings.
        if (fileName.isEmpty())
            return;
        QList<SpecError> configWarnings;
        const DrizzleConfigFile file = readConfig(dir.path(), &configWarnings);
        QCOMPARE(file.path(), project.configFile());
        QCOMPARE(file.settings().outDir, project.outDir());
        QCOMPARE(file.settings().schemaPaths, project.schemaPaths());
        QCOMPARE(file.settings().dialect, project.dialect());
        QCOMPARE(file.settings().migrationsTable, project.migrationsTable());
        QCOMPARE(file.settings().migrationsSchema, project.migrationsSchema());
        QCOMPARE(file.settings().migrationsPrefix, project.migrationsPrefix());
        QCOMPARE(file.settings().breakpoints, project.breakpoints());
    }

    void warnings_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("reason");

        QTest::newRow("function call for url")
            << QByteArray("export default defineConfig({\n"
                          "  dialect: 'postgresql',\n"
                          "  dbCredentials: {\n"
                          "    url: getDatabaseUrl(process.env.STAGE),\n"
                          "  },\n"
                          "});\n")
            << 4 << 10 << "dbCredentials.url is not a literal or process.env.NAME";
        QTest::newRow("method call on process.env") << QByteArray(
            "export default {\n  dbCredentials: { url: process.env.DB!.trim() },\n}\n")
                                                    << 2 << 25 << "dbCredentials.url";
        QTest::newRow("template literal with substitution")
            << QByteArray("export default defineConfig({\n"
                          "  dbCredentials: { url: `postgres://${process.env.USER}@h/db` },\n"
                          "})\n")
            << 2 << 25 << "template literal";
        QTest::newRow("variable for out")
            << QByteArray("const dir = './m';\nexport default defineConfig({ out: dir })\n") << 2
            << 36 << "out is not a literal";
        QTest::newRow("shorthand property")
            << QByteArray("export default defineConfig({\n  schema,\n})\n") << 2 << 3
            << "schema is not a literal";
        QTest::newRow("spread in the config object")
            << QByteArray("export default defineConfig({\n  ...base,\n  out: 'x',\n})\n") << 2 << 3
            << "...base";
        QTest::newRow("function call in schema array")
            << QByteArray("export default {\n  schema: ['./a.ts', path.join('b', 'c.ts')],\n}\n")
            << 2 << 22 << "schema[1]";
        QTest::newRow("dialect mysql")
            << QByteArray("export default defineConfig({ dialect: 'mysql' })\n") << 1 << 40
            << "PostgreSQL";
        QTest::newRow("config built by a function")
            << QByteArray("export default makeConfig('prod');\n") << 1 << 16
            << "not an object literal";
        QTest::newRow("url from unset variable") << QByteArray(
            "export default {\n  dbCredentials: {\n    url: process.env.NOPE_URL,\n  },\n}\n")
                                                 << 3 << 10 << "NOPE_URL";
    }

    void warnings()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString configPath = dir.filePath(QStringLiteral("drizzle.config.ts"));
        QVERIFY(writeFile(configPath, content));
        SpecError error;
        const DrizzleProject project = DrizzleProject::read(dir.path(), environmentOf({}), &error);
        QVERIFY(error.isNull());
        QCOMPARE(project.warnings().size(), 1);
        const SpecError warning = project.warnings().first();
        QVERIFY2(warning.message.contains(reason), qPrintable(warning.toString()));
        QCOMPARE(warning.source, configPath);
        QCOMPARE(warning.line, line);
        QCOMPARE(warning.column, column);
        QVERIFY(warning.toString().startsWith(
            QStringLiteral("%1:%2:%3: ").arg(configPath).arg(line).arg(column)));

        // With no .env and no environment, every warning is the file's own.
        QList<SpecError> configWarnings;
        readConfig(dir.path(), &configWarnings);
        QCOMPARE(describe(configWarnings), describe(project.warnings()));
    }

    void warningsDoNotStopReading()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("drizzle.config.ts")),
                          "export default defineConfig({\n"
                          "  out: resolve(__dirname, 'x'),\n"
                          "  schema: './s.ts',\n"
                          "  dbCredentials: { url: 'postgres://h/db' },\n"
                          "})\n"));
        const DrizzleProject project = DrizzleProject::read(dir.path(), environmentOf({}));
        QCOMPARE(project.warnings().size(), 1);
        QCOMPARE(project.outDir(), QDir(dir.path()).filePath(QStringLiteral("drizzle")));
        QCOMPARE(project.schemaPaths(),
                 QStringList{QDir(dir.path()).filePath(QStringLiteral("s.ts"))});
        QCOMPARE(project.connection(DrizzleProject::Purpose::Browse).host(), QStringLiteral("h"));
    }
};

STRATA_TEST(DrizzleConfigFileTest)

#include "DrizzleConfigFileTest.moc"
