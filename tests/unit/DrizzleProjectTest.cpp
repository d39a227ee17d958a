#include "TestRegistry.h"

#include "pg/DotEnv.h"
#include "pg/DrizzleProject.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

QString describe(const QList<SpecError> &warnings)
{
    QStringList lines;
    for (const SpecError &warning : warnings)
        lines << warning.toString();
    return lines.join(QLatin1Char('\n'));
}

// An environment that holds only what a row gives: the machine's own DATABASE_URL must
// not leak into the tests.
QProcessEnvironment environmentOf(const QStringList &variables)
{
    QProcessEnvironment env;
    for (const QString &variable : variables) {
        const qsizetype eq = variable.indexOf(QLatin1Char('='));
        env.insert(variable.left(eq), variable.mid(eq + 1));
    }
    return env;
}

// A config the way `drizzle-kit init` and the guides write it.
const QByteArray typicalConfig = R"(import 'dotenv/config';
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  out: './server/db/migrations',
  schema: './server/db/schema.ts',
  dialect: 'postgresql',
  dbCredentials: {
    url: process.env.DATABASE_URL!,
  },
});
)";

} // namespace

class DrizzleProjectTest : public QObject
{
    Q_OBJECT

private slots:
    void dotEnv_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");

        QTest::newRow("plain") << QByteArray("DATABASE_URL=postgres://u:p@h/db\n") << "DATABASE_URL"
                               << "postgres://u:p@h/db";
        QTest::newRow("export prefix")
            << QByteArray("export DIRECT_URL=postgres://h/db\n") << "DIRECT_URL"
            << "postgres://h/db";
        QTest::newRow("double quotes") << QByteArray("A=\"postgres://h/db?x=1#frag\"\n") << "A"
                                       << "postgres://h/db?x=1#frag";
        QTest::newRow("single quotes keep backslash-n") << QByteArray("A='line\\nline'\n") << "A"
                                                        << "line\\nline";
        QTest::newRow("double quotes expand backslash-n")
            << QByteArray("A=\"line\\nline\"\n") << "A"
            << "line\nline";
        QTest::newRow("backtick quotes") << QByteArray("A=`it's \"quoted\"`\n") << "A"
                                         << "it's \"quoted\"";
        QTest::newRow("inline comment after unquoted value")
            << QByteArray("A=value # the comment\n") << "A"
            << "value";
        QTest::newRow("hash without blank starts a comment too") << QByteArray("A=abc#def\n") << "A"
                                                                 << "abc";
        QTest::newRow("comment after quoted value") << QByteArray("A=\"a # b\" # c\n") << "A"
                                                    << "a # b";
        QTest::newRow("blanks around equals") << QByteArray("  A  =   spaced value   \n") << "A"
                                              << "spaced value";
        QTest::newRow("empty value") << QByteArray("A=\nB=b\n") << "A"
                                     << "";
        QTest::newRow("multi-line double quotes")
            << QByteArray("KEY=\"-----BEGIN-----\nabc\n-----END-----\"\nNEXT=1\n") << "KEY"
            << "-----BEGIN-----\nabc\n-----END-----";
        QTest::newRow("multi-line single quotes") << QByteArray("A='one\ntwo'\n") << "A"
                                                  << "one\ntwo";
        QTest::newRow("CRLF line ends") << QByteArray("A=one\r\nB=two\r\n") << "B"
                                        << "two";
        QTest::newRow("CRLF inside quotes becomes LF") << QByteArray("A=\"x\r\ny\"\r\n") << "A"
                                                       << "x\ny";
        QTest::newRow("last definition wins") << QByteArray("A=first\nA=second\n") << "A"
                                              << "second";
        QTest::newRow("colon with blank") << QByteArray("A: yaml-ish\n") << "A"
                                          << "yaml-ish";
        QTest::newRow("equals inside value") << QByteArray("OPTS=-c search_path=x\n") << "OPTS"
                                             << "-c search_path=x";
        QTest::newRow("escaped quote stays escaped, as in dotenv")
            << QByteArray("A=\"say \\\"hi\\\"\"\n") << "A"
            << "say \\\"hi\\\"";
        QTest::newRow("unterminated quote kept literally") << QByteArray("A=\"abc\n") << "A"
                                                           << "\"abc";
        QTest::newRow("dots and dashes in names") << QByteArray("my.var-1=x\n") << "my.var-1"
                                                  << "x";
        QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                       "A=bom\n")
                                         << "A"
                                         << "bom";
        QTest::newRow("no newline at end") << QByteArray("A=last") << "A"
                                           << "last";
        QTest::newRow("UTF-8 value") << QByteArray("A=\"Grüße\"\n") << "A"
                                     << "Grüße";
    }

    void dotEnv()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, name);
        QFETCH(QString, value);
        const DotEnv env = DotEnv::parse(QString::fromUtf8(text), QStringLiteral(".env"));
        QVERIFY2(env.contains(name), qPrintable(env.names().join(QLatin1Char(','))));
        QCOMPARE(env.value(name), value);
    }

    void dotEnvWarnings_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("reason");

        QTest::newRow("no equals") << QByteArray("A=1\nJUSTANAME\n") << 2 << 10 << "expected \"=\"";
        QTest::newRow("space instead of equals")
            << QByteArray("DATABASE_URL postgres://h/db\n") << 1 << 14 << "\"DATABASE_URL\"";
        QTest::newRow("colon without blank") << QByteArray("\n\nA:b\n") << 3 << 2 << "colon";
        QTest::newRow("bad character in name") << QByteArray("MY$VAR=1\n") << 1 << 3 << "\"$\"";
        QTest::newRow("no name") << QByteArray("  =value\n") << 1 << 3 << "variable name";
        QTest::newRow("unterminated double quote")
            << QByteArray("OK=1\nA=\"abc\n") << 2 << 3 << "no matching closing";
        QTest::newRow("text after closing quote")
            << QByteArray("A='abc'def\n") << 1 << 3 << "quote characters";
        QTest::newRow("export without assignment") << QByteArray("export A\n") << 1 << 9 << "\"A\"";
    }

    void dotEnvWarnings()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, reason);
        const DotEnv env = DotEnv::parse(QString::fromUtf8(text), QStringLiteral("/p/.env"));
        QCOMPARE(env.warnings().size(), 1);
        const SpecError warning = env.warnings().first();
        QCOMPARE(warning.source, QStringLiteral("/p/.env"));
        QCOMPARE(warning.line, line);
        QCOMPARE(warning.column, column);
        QVERIFY2(warning.message.contains(reason), qPrintable(warning.message));
    }

    void dotEnvCleanFileHasNoWarnings()
    {
        const DotEnv env =
            DotEnv::parse(QStringLiteral("# database\n\nexport A=1 # one\nB=\"x\ny\"\n  \n"));
        QVERIFY2(env.warnings().isEmpty(), qPrintable(describe(env.warnings())));
        QCOMPARE(env.names(), (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
        QCOMPARE(env.line(QStringLiteral("B")), 4);
    }

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
            << "drizzle.config.ts" << typicalConfig << "server/db/migrations"
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
            << typicalConfig << both << QStringList{} << false << "pooler"
            << "drizzle.config.ts dbCredentials.url (.env DATABASE_URL)";
        QTest::newRow("migrate prefers DIRECT_URL")
            << typicalConfig << both << QStringList{} << true << "direct"
            << ".env DIRECT_URL";
        QTest::newRow("migrate without DIRECT_URL uses dbCredentials.url")
            << typicalConfig << QByteArray("DATABASE_URL=postgres://pooler/db\n") << QStringList{}
            << true << "pooler"
            << "drizzle.config.ts dbCredentials.url (.env DATABASE_URL)";
        QTest::newRow("environment beats .env")
            << typicalConfig << both << QStringList{"DATABASE_URL=postgres://from-env/db"} << false
            << "from-env"
            << "drizzle.config.ts dbCredentials.url (environment DATABASE_URL)";
        QTest::newRow("DIRECT_URL from the environment")
            << typicalConfig << both << QStringList{"DIRECT_URL=postgres://env-direct/db"} << true
            << "env-direct"
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
