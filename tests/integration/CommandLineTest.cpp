// `strata <command>` runs without a display: no DISPLAY, no QT_QPA_PLATFORM.
#include "CliRun.h"
#include "TestCluster.h"
#include "TestRegistry.h"

#include "TestFiles.h"

#include "schema/SnapshotJson.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;

class CommandLineTest : public QObject
{
    Q_OBJECT

    test::TestCluster m_cluster;

    static test::CliRun strata(const QStringList &args, const QProcessEnvironment &extra = {})
    {
        return test::runCli(QStringLiteral(STRATA_BINARY), args, QString(), extra, 60000);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
    }

    void pingConnectsWithoutADisplay()
    {
        const test::CliRun run = strata({QStringLiteral("ping"), m_cluster.spec(QStringLiteral("postgres")).toUrl()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("Connected to postgres as strata: PostgreSQL")), qPrintable(run.out));
    }

    void pingReadsThePgVariables()
    {
        const ConnectionSpec spec = m_cluster.spec(QStringLiteral("postgres"));
        QProcessEnvironment env;
        env.insert(QStringLiteral("PGHOST"), spec.host());
        env.insert(QStringLiteral("PGPORT"), spec.port());
        env.insert(QStringLiteral("PGUSER"), spec.user());
        env.insert(QStringLiteral("PGDATABASE"), QStringLiteral("postgres"));
        const test::CliRun run = strata({QStringLiteral("ping")}, env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void lintFindsHazardsInAFileAndAFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString risky = dir.filePath(QStringLiteral("risky.sql"));
        // CONCURRENTLY cannot run inside the migration's transaction: an error.
        QVERIFY(test::writeFile(risky, "ALTER TABLE \"users\" DROP COLUMN \"email\";\n"
                                       "CREATE INDEX CONCURRENTLY \"i\" ON \"users\" (\"name\");\n"));
        const test::CliRun run = strata({QStringLiteral("lint"), risky});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(risky + QStringLiteral(":1:1: warning: ")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("[drop-column]")), qPrintable(run.out));
        QVERIFY2(run.out.contains(risky + QStringLiteral(":2:1: error: ")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("[non-transactional]")), qPrintable(run.out));

        const test::CliRun json = strata({QStringLiteral("lint"), QStringLiteral("--json"), risky});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject document = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(document.value(QLatin1String("summary")).toObject().value(QLatin1String("errors")).toInt(), 1);
        const QJsonArray findings = document.value(QLatin1String("findings")).toArray();
        QCOMPARE(findings.size(), 2);
        QCOMPARE(findings.at(1).toObject().value(QLatin1String("rule")).toString(), QStringLiteral("non-transactional"));
        QCOMPARE(findings.at(1).toObject().value(QLatin1String("line")).toInt(), 2);

        // A table the same text creates is empty: nothing to say.
        const QString clean = dir.filePath(QStringLiteral("clean.sql"));
        QVERIFY(test::writeFile(clean, "CREATE TABLE \"t\" (\"id\" integer);\n--> statement-breakpoint\n"
                                       "ALTER TABLE \"t\" ADD COLUMN \"n\" integer NOT NULL;\n"));
        const test::CliRun quiet = strata({QStringLiteral("lint"), clean});
        QVERIFY2(quiet.exitCode == 0, qPrintable(quiet.out + quiet.err));

        // A drizzle folder: each migration's file is named.
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("drizzle/meta")));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("drizzle/0000_init.sql")), "DROP TABLE \"old\" CASCADE;"));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("drizzle/meta/_journal.json")),
                                R"({"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7","when":1700000000000,"tag":"0000_init","breakpoints":true}]})"));
        const test::CliRun folder = strata({QStringLiteral("lint"), dir.filePath(QStringLiteral("drizzle"))});
        QCOMPARE(folder.exitCode, 0);  // warnings only
        QVERIFY2(folder.out.contains(QLatin1String("drizzle/0000_init.sql:1:1: warning: ")), qPrintable(folder.out));
        QVERIFY2(folder.out.contains(QLatin1String("[drop-cascade]")), qPrintable(folder.out));

        QCOMPARE(strata({QStringLiteral("lint"), dir.filePath(QStringLiteral("missing.sql"))}).exitCode, 2);
        QCOMPARE(strata({QStringLiteral("lint")}).exitCode, 2);
    }

    // With --url the severities follow the database's statistics: NOT NULL without a default
    // fails on a table with rows (error), is harmless on an empty one (no finding), and
    // without statistics it is a warning.
    void lintJudgesByTheDatabasesTableSizes()
    {
        QString error;
        QVERIFY2(m_cluster.createDatabase(QStringLiteral("lintdb"), &error), qPrintable(error));
        QVERIFY2(m_cluster.runSql(QStringLiteral("CREATE TABLE full_table (id integer); CREATE TABLE empty_table (id integer);"
                                                 "INSERT INTO full_table SELECT generate_series(1, 500);"
                                                 "ANALYZE full_table; ANALYZE empty_table;"),
                                  nullptr, &error, QStringLiteral("lintdb")),
                 qPrintable(error));
        QTemporaryDir dir;
        const QString sql = dir.filePath(QStringLiteral("add.sql"));
        QVERIFY(test::writeFile(sql, "ALTER TABLE \"full_table\" ADD COLUMN \"n\" integer NOT NULL;\n"
                                     "--> statement-breakpoint\n"
                                     "ALTER TABLE \"empty_table\" ADD COLUMN \"n\" integer NOT NULL;\n"));
        const test::CliRun blind = strata({QStringLiteral("lint"), sql});
        QCOMPARE(blind.exitCode, 0);
        QCOMPARE(blind.out.count(QLatin1String("warning: ")), 2);

        const QString url = m_cluster.spec(QStringLiteral("lintdb")).toUrl();
        const test::CliRun judged = strata({QStringLiteral("lint"), QStringLiteral("--url"), url, sql});
        QCOMPARE(judged.exitCode, 1);
        QVERIFY2(judged.out.contains(sql + QStringLiteral(":1:37: error: ")), qPrintable(judged.out));
        QVERIFY2(judged.out.contains(QLatin1String("about 500 row(s)")), qPrintable(judged.out));
        QVERIFY2(!judged.out.contains(sql + QStringLiteral(":3:")), qPrintable(judged.out));

        const test::CliRun unreachable = strata({QStringLiteral("lint"), QStringLiteral("--url"),
                                        QStringLiteral("postgresql://nobody@127.0.0.1:1/x?connect_timeout=2"), sql});
        QCOMPARE(unreachable.exitCode, 3);
        QVERIFY2(unreachable.err.contains(QLatin1String("could not read the table sizes")), qPrintable(unreachable.err));
    }

    void diffBetweenASnapshotAndTheLiveDatabase()
    {
        QString error;
        QVERIFY2(m_cluster.createDatabase(QStringLiteral("diffdb"), &error), qPrintable(error));
        QVERIFY2(m_cluster.runSql(QStringLiteral("CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL,"
                                                 " age integer CONSTRAINT users_age CHECK (age > 0));"),
                                  nullptr, &error, QStringLiteral("diffdb")),
                 qPrintable(error));
        const QString url = m_cluster.spec(QStringLiteral("diffdb")).toUrl();
        QTemporaryDir dir;
        const test::CliRun before = strata({QStringLiteral("snapshot"), QStringLiteral("--url"), url});
        QVERIFY2(before.exitCode == 0, qPrintable(before.err));
        // drizzle's spelling of the check: the diff must not see it as changed.
        QString snapshot = before.out;
        QVERIFY(snapshot.contains(QLatin1String("\"value\": \"(age > 0)\"")));
        snapshot.replace(QStringLiteral("\"value\": \"(age > 0)\""), QStringLiteral("\"value\": \"\\\"users\\\".\\\"age\\\" > 0\""));
        const QString file = dir.filePath(QStringLiteral("before.json"));
        QVERIFY(test::writeFile(file, snapshot.toUtf8()));

        const test::CliRun same = strata({QStringLiteral("diff"), file, url});
        QVERIFY2(same.exitCode == 0 && same.out.isEmpty(), qPrintable(same.out + same.err));
        QVERIFY2(same.err.contains(QLatin1String("No schema changes")), qPrintable(same.err));

        QVERIFY2(m_cluster.runSql(QStringLiteral("ALTER TABLE users ADD COLUMN email varchar(80);"
                                                 "ALTER TABLE users RENAME COLUMN name TO full_name;"),
                                  nullptr, &error, QStringLiteral("diffdb")),
                 qPrintable(error));
        const test::CliRun up = strata({QStringLiteral("diff"), file, url, QStringLiteral("--rename"),
                               QStringLiteral("column:public.users.name=full_name")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        QCOMPARE(up.out.trimmed(), QStringLiteral("ALTER TABLE \"users\" RENAME COLUMN \"name\" TO \"full_name\";\n"
                                                  "--> statement-breakpoint\n"
                                                  "ALTER TABLE \"users\" ADD COLUMN \"email\" varchar(80);"));
        const test::CliRun back = strata({QStringLiteral("diff"), QStringLiteral("--down"), file, url, QStringLiteral("--rename"),
                                 QStringLiteral("column:users.name=full_name")});
        QCOMPARE(back.out.trimmed(), QStringLiteral("ALTER TABLE \"users\" RENAME COLUMN \"full_name\" TO \"name\";\n"
                                                    "--> statement-breakpoint\n"
                                                    "ALTER TABLE \"users\" DROP COLUMN \"email\";"));
        // Without the decision it is a drop and an add, and --json says so with the hazard.
        const test::CliRun json = strata({QStringLiteral("diff"), QStringLiteral("--json"), file, url});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject document = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QVERIFY(document.value(QLatin1String("dataLoss")).toBool());
        QStringList rules;
        for (const QJsonValue &statement : document.value(QLatin1String("statements")).toArray()) {
            for (const QJsonValue &hazard : statement.toObject().value(QLatin1String("hazards")).toArray())
                rules << hazard.toObject().value(QLatin1String("rule")).toString();
        }
        QVERIFY2(rules.contains(QLatin1String("drop-column")), qPrintable(json.out));

        QCOMPARE(strata({QStringLiteral("diff"), file}).exitCode, 2);
        const test::CliRun typo = strata({QStringLiteral("diff"), dir.filePath(QStringLiteral("befor.json")), url});
        QCOMPARE(typo.exitCode, 2);
        QVERIFY2(typo.err.contains(QLatin1String("befor.json: there is no such file or folder")), qPrintable(typo.err));
        QCOMPARE(strata({QStringLiteral("diff"), file, url, QStringLiteral("--rename"), QStringLiteral("bogus")}).exitCode, 2);
        QCOMPARE(strata({QStringLiteral("diff"), file, url, QStringLiteral("--rename"), QStringLiteral("thing:a=b")}).exitCode, 2);
        QCOMPARE(strata({QStringLiteral("diff"), file, m_cluster.spec(QStringLiteral("no_such_db")).toUrl()}).exitCode, 1);
    }

    void aBadUrlIsRefusedWithItsPlace()
    {
        const test::CliRun run = strata({QStringLiteral("ping"), QStringLiteral("postgres://[::1/db")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("URL")), qPrintable(run.err));
    }

    void aMissingDatabaseSaysSo()
    {
        const test::CliRun run = strata({QStringLiteral("ping"), m_cluster.spec(QStringLiteral("no_such_db")).toUrl()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("database \"no_such_db\" does not exist")), qPrintable(run.err));
    }

    void snapshotPrintsTheLiveSchemaAsADrizzleSnapshot()
    {
        QString error;
        QVERIFY2(m_cluster.runSql(QStringLiteral("CREATE TYPE mood AS ENUM ('ok', 'fine');"
                                                 "CREATE TABLE snap_t (id integer PRIMARY KEY, m mood NOT NULL);"
                                                 "CREATE SCHEMA other; CREATE TABLE other.x (id integer);"),
                                  nullptr, &error),
                 qPrintable(error));
        const test::CliRun run = strata({QStringLiteral("snapshot"), QStringLiteral("--url"),
                                m_cluster.spec(QStringLiteral("postgres")).toUrl(), QStringLiteral("--schema"),
                                QStringLiteral("public")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        SnapshotError snapshotError;
        const auto snapshot = SnapshotJson::read(run.out.toUtf8(), QStringLiteral("stdout"), &snapshotError);
        QVERIFY2(snapshot, qPrintable(snapshotError.toString()));
        QCOMPARE(snapshot->version, QStringLiteral("7"));
        QCOMPARE(snapshot->prevIds, QStringList{SnapshotJson::originId()});
        const Table *table = snapshot->schema.table(QStringLiteral("public"), QStringLiteral("snap_t"));
        QVERIFY(table);
        QCOMPARE(table->columns.size(), 2);
        QVERIFY(snapshot->schema.enumType(QStringLiteral("public"), QStringLiteral("mood")));
        QCOMPARE(snapshot->schema.enumType(QStringLiteral("public"), QStringLiteral("mood"))->values,
                 (QStringList{"ok", "fine"}));
        QVERIFY(!snapshot->schema.table(QStringLiteral("other"), QStringLiteral("x")));  // --schema public

        const test::CliRun bad = strata({QStringLiteral("snapshot"), QStringLiteral("--url"),
                                m_cluster.spec(QStringLiteral("no_such_db")).toUrl()});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QLatin1String("no_such_db")), qPrintable(bad.err));

        // --like: a snapshot or folder that cannot be read is bad usage, said before connecting.
        QTemporaryDir dir;
        const test::CliRun missing = strata({QStringLiteral("snapshot"), QStringLiteral("--like"), dir.filePath(QStringLiteral("none.json"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QLatin1String("none.json")), qPrintable(missing.err));
        const test::CliRun empty = strata({QStringLiteral("snapshot"), QStringLiteral("--like"), dir.path()});
        QCOMPARE(empty.exitCode, 2);
        QVERIFY2(empty.err.contains(QLatin1String("holds no drizzle snapshot")), qPrintable(empty.err));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("broken.json")), "{\"version\": \"7\","));
        const test::CliRun broken = strata({QStringLiteral("snapshot"), QStringLiteral("--like"), dir.filePath(QStringLiteral("broken.json"))});
        QCOMPARE(broken.exitCode, 2);
        QVERIFY2(broken.err.contains(QLatin1String("broken.json:1:")), qPrintable(broken.err));

        // The earlier spelling is kept where the database still means the same: the
        // snapshot's own text for the same check comes back, not the server's.
        QVERIFY2(m_cluster.runSql(QStringLiteral("ALTER TABLE snap_t ADD CONSTRAINT snap_id CHECK (id > 0);"), nullptr, &error),
                 qPrintable(error));
        const QString url = m_cluster.spec(QStringLiteral("postgres")).toUrl();
        const test::CliRun plain = strata({QStringLiteral("snapshot"), QStringLiteral("--url"), url, QStringLiteral("--schema"), QStringLiteral("public")});
        QVERIFY2(plain.out.contains(QLatin1String("\"value\": \"(id > 0)\"")), qPrintable(plain.out));
        QString earlier = plain.out;
        earlier.replace(QStringLiteral("\"value\": \"(id > 0)\""), QStringLiteral("\"value\": \"\\\"snap_t\\\".\\\"id\\\" > 0\""));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("earlier.json")), earlier.toUtf8()));
        const test::CliRun like = strata({QStringLiteral("snapshot"), QStringLiteral("--url"), url, QStringLiteral("--schema"),
                                 QStringLiteral("public"), QStringLiteral("--like"), dir.filePath(QStringLiteral("earlier.json"))});
        QVERIFY2(like.exitCode == 0, qPrintable(like.err));
        QVERIFY2(like.out.contains(QLatin1String("\"value\": \"\\\"snap_t\\\".\\\"id\\\" > 0\"")), qPrintable(like.out));
        // A real change shows: an earlier text that means something else is not kept.
        earlier.replace(QStringLiteral("> 0"), QStringLiteral(">= 0"));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("earlier.json")), earlier.toUtf8()));
        const test::CliRun changed = strata({QStringLiteral("snapshot"), QStringLiteral("--url"), url, QStringLiteral("--schema"),
                                    QStringLiteral("public"), QStringLiteral("--like"), dir.filePath(QStringLiteral("earlier.json"))});
        QVERIFY2(changed.out.contains(QLatin1String("\"value\": \"(id > 0)\"")), qPrintable(changed.out));
    }

    void helpAndVersionNeedNoDisplay()
    {
        const test::CliRun help = strata({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("--demo")));
        const test::CliRun version = strata({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(QLatin1String(STRATA_VERSION)));
    }
};

STRATA_TEST(CommandLineTest)
#include "CommandLineTest.moc"
