// `strata generate` and down migrations on a real server: the real binary saves migrations
// from a live database into a folder; their down SQL, run on the database, must bring back
// exactly the schema of the snapshot before; a drizzle-kit folder's down SQL is derived from
// its snapshot chain (DownMigration) and must walk the database back to empty.
#include "CliRun.h"
#include "TestCluster.h"
#include "TestFiles.h"
#include "TestRegistry.h"

#include "migrations/DownMigration.h"
#include "migrations/MigrationFolder.h"
#include "pg/Connection.h"
#include "schema/DdlWriter.h"
#include "schema/Introspector.h"
#include "text/StatementSplitter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;

namespace {

const QString kDatabase = QStringLiteral("generate");

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString kitFolder()
{
    return QStringLiteral(QT_TESTCASE_SOURCEDIR "/data/snapshots/kit-0.31.11");
}

} // namespace

class GenerateCommandTest : public QObject
{
    Q_OBJECT

    test::TestCluster m_cluster;
    QString m_url;

    test::CliRun strata(const QStringList &args)
    {
        return test::runCli(QStringLiteral(STRATA_BINARY), args);
    }

    // `strata diff <from> <database>` must find nothing.
    void expectSameSchema(const QString &from, const QString &context)
    {
        const test::CliRun diff = strata({QStringLiteral("diff"), from, m_url});
        QVERIFY2(diff.exitCode == 0 && diff.out.trimmed().isEmpty()
                     && diff.err.contains(QLatin1String("No schema changes")),
                 qPrintable(context + QStringLiteral(": the database differs from ") + from + QLatin1Char('\n')
                            + diff.describe()));
    }

    void runSql(const QString &sql)
    {
        QString error;
        QVERIFY2(m_cluster.runSql(sql, nullptr, &error, kDatabase), qPrintable(error + QStringLiteral("\n") + sql));
    }

    // As drizzle's migrator sends it: piece by piece, each on its own, so that CREATE INDEX
    // CONCURRENTLY may run; psql -1 would put the whole text in one transaction.
    void applyMigration(const QString &text)
    {
        for (const StatementPiece &piece : StatementSplitter::split(text).pieces) {
            if (!piece.statements.isEmpty())
                runSql(piece.text);
        }
    }

    void resetDatabase()
    {
        runSql(QStringLiteral("DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS other CASCADE; "
                              "DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public;"));
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        QVERIFY2(m_cluster.createDatabase(kDatabase, &error), qPrintable(error));
        m_url = m_cluster.tcpUrl(kDatabase);
    }

    void init()
    {
        resetDatabase();
    }

    // Three steps of a project's life: a first migration into an empty folder, nothing to
    // do, then a change with a rename; each down file brings the snapshot before back.
    void savesMigrationsWithDownSql()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("drizzle"));
        runSql(QStringLiteral(
            "CREATE TYPE status AS ENUM ('open', 'closed');"
            "CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL, \"Odd \"\"name\" integer DEFAULT 3);"
            "CREATE TABLE tickets (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status status NOT NULL "
            "DEFAULT 'open', owner integer REFERENCES users(id) ON DELETE CASCADE, CHECK (id > 0));"
            "CREATE INDEX tickets_owner_idx ON tickets (owner);"));

        const test::CliRun first = strata({QStringLiteral("generate"), QStringLiteral("--dir"), dir,
                                          QStringLiteral("--from-db"), m_url, QStringLiteral("--name"),
                                          QStringLiteral("init")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
        for (const char *file : {"0000_init.sql", "0000_init.down.sql", "meta/0000_snapshot.json", "meta/_journal.json"})
            QVERIFY2(QFileInfo::exists(dir + QLatin1Char('/') + QLatin1String(file)), file);
        const QString sql = readText(dir + QStringLiteral("/0000_init.sql"));
        QVERIFY2(sql.startsWith(QLatin1String("-- Written by Strata")), qPrintable(sql));
        QVERIFY2(sql.contains(QLatin1String("-- creates enum \"status\"; ")), qPrintable(sql));
        QVERIFY2(sql.contains(QLatin1String("CREATE TABLE \"tickets\"")), qPrintable(sql));
        QVERIFY2(sql.contains(QLatin1String("\"Odd \"\"name\" integer DEFAULT 3")), qPrintable(sql));
        QVERIFY2(first.out.contains(QLatin1String("0000_init.down.sql")), qPrintable(first.describe()));

        // The folder is clean for strata check, and the down file belongs to its migration.
        const test::CliRun check = strata({QStringLiteral("check"), QStringLiteral("--dir"), dir});
        QVERIFY2(check.exitCode == 0 && check.out.contains(QLatin1String("no problems")), qPrintable(check.describe()));
        const MigrationFolder folder = MigrationFolder::read(dir);
        QCOMPARE(folder.migrations().size(), 1);
        QVERIFY(folder.migrations().first().hasDown);

        const test::CliRun again = strata({QStringLiteral("generate"), QStringLiteral("--dir"), dir,
                                          QStringLiteral("--from-db"), m_url});
        QVERIFY2(again.exitCode == 0 && again.out.contains(QLatin1String("No schema changes, nothing to migrate")),
                 qPrintable(again.describe()));
        QCOMPARE(QDir(dir).entryList({QStringLiteral("*.sql")}, QDir::Files).size(), 2);

        // A rename by decision, an added column, a new value, a dropped index.
        runSql(QStringLiteral("ALTER TABLE users RENAME COLUMN name TO full_name;"
                              "ALTER TABLE users ADD COLUMN email varchar(320);"
                              "ALTER TYPE status ADD VALUE 'waiting' BEFORE 'closed';"
                              "DROP INDEX tickets_owner_idx;"));
        const test::CliRun second = strata({QStringLiteral("generate"), QStringLiteral("--dir"), dir,
                                           QStringLiteral("--from-db"), m_url, QStringLiteral("--name"),
                                           QStringLiteral("rename"), QStringLiteral("--rename"),
                                           QStringLiteral("column:users.name=full_name")});
        QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
        const QString up = readText(dir + QStringLiteral("/0001_rename.sql"));
        QVERIFY2(up.contains(QLatin1String("ALTER TABLE \"users\" RENAME COLUMN \"name\" TO \"full_name\";")), qPrintable(up));
        QVERIFY2(up.contains(QLatin1String("renames column \"users\".\"name\" to \"full_name\"")), qPrintable(up));
        QVERIFY2(!up.contains(QLatin1String("DROP COLUMN")), qPrintable(up));
        const QString down = readText(dir + QStringLiteral("/0001_rename.down.sql"));
        QVERIFY2(down.contains(QLatin1String("RENAME COLUMN \"full_name\" TO \"name\"")), qPrintable(down));
        expectSameSchema(dir, QStringLiteral("after the second generate"));

        // Down twice: the database is back at each earlier snapshot, then empty.
        applyMigration(down);
        expectSameSchema(dir + QStringLiteral("/meta/0000_snapshot.json"), QStringLiteral("after 0001's down"));
        applyMigration(readText(dir + QStringLiteral("/0000_init.down.sql")));
        ConnectionSpec spec = m_cluster.tcpSpec(kDatabase);
        spec.setValue(QStringLiteral("password"), m_cluster.cluster().password());
        Connection connection(spec);
        PgError error;
        const std::optional<Schema> empty = Introspector::introspectAndWait(connection, {}, &error);
        QVERIFY2(empty, qPrintable(error.toString()));
        QVERIFY2(empty->tables.isEmpty() && empty->enums.isEmpty() && empty->sequences.isEmpty(),
                 "0000's down left something behind");
    }

    // drizzle-kit's folder has no down files: the down SQL of each migration comes from the
    // snapshot chain and must walk the database back one snapshot at a time.
    void derivesDownSqlFromTheSnapshotChain()
    {
        const MigrationFolder folder = MigrationFolder::read(kitFolder());
        QVERIFY2(!folder.hasErrors(), qPrintable(folder.problems().value(0).toString()));
        QCOMPARE(folder.migrations().size(), 3);
        runSql(QStringLiteral("DROP ROLE IF EXISTS admin"));
        for (const Migration &migration : folder.migrations())
            applyMigration(migration.text);
        expectSameSchema(kitFolder(), QStringLiteral("after applying kit-0.31.11"));

        for (int i = int(folder.migrations().size()) - 1; i >= 0; --i) {
            QString error;
            const std::optional<DownSql> down = DownMigration::of(folder, i, &error);
            QVERIFY2(down, qPrintable(error));
            QCOMPARE(down->source, DownSql::Source::Derived);
            // The command line prints the same.
            const test::CliRun printed = strata({QStringLiteral("down"), QStringLiteral("--dir"), kitFolder(),
                                                folder.migrations().at(i).tag});
            QVERIFY2(printed.exitCode == 0 && printed.out.trimmed() == down->text.trimmed()
                         && printed.err.contains(i == 2 ? QStringLiteral("nothing to undo") : QStringLiteral("derived from")),
                     qPrintable(printed.describe()));
            if (i == 2) {
                // The --custom migration holds only a comment: it did nothing to undo.
                QVERIFY2(down->text.isEmpty(), qPrintable(down->text));
                continue;
            }
            applyMigration(down->text);
            if (i > 0)
                expectSameSchema(folder.filePath(folder.migrations().at(i - 1).snapshotFile),
                                 QStringLiteral("after the down SQL of ") + folder.migrations().at(i).tag);
        }
        QString rest;
        QString psqlError;
        QVERIFY(m_cluster.runSql(QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                                                "c.relnamespace WHERE n.nspname IN ('public', 'other')"),
                                 &rest, &psqlError, kDatabase));
        QCOMPARE(rest, QStringLiteral("0"));
    }

    // A stored down file wins over the snapshot chain; a broken chain is refused with a reason.
    void storedDownWinsAndBrokenChainsAreRefused()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("kit"));
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/meta")));
        for (const QString &name : QDir(kitFolder()).entryList(QDir::Files))
            QVERIFY(QFile::copy(kitFolder() + QLatin1Char('/') + name, dir + QLatin1Char('/') + name));
        for (const QString &name : QDir(kitFolder() + QStringLiteral("/meta")).entryList(QDir::Files))
            QVERIFY(QFile::copy(kitFolder() + QStringLiteral("/meta/") + name, dir + QStringLiteral("/meta/") + name));
        QVERIFY(test::writeFile(dir + QStringLiteral("/0001_second.down.sql"), "SELECT 'mine';"));
        QFile::remove(dir + QStringLiteral("/meta/0000_snapshot.json"));

        const MigrationFolder folder = MigrationFolder::read(dir);
        QString error;
        const std::optional<DownSql> stored = DownMigration::of(folder, 1, &error);
        QVERIFY2(stored, qPrintable(error));
        QCOMPARE(stored->source, DownSql::Source::Stored);
        QCOMPARE(stored->text, QStringLiteral("SELECT 'mine';"));
        const test::CliRun printed = strata({QStringLiteral("down"), QStringLiteral("--dir"), dir, QStringLiteral("0001_second")});
        QVERIFY2(printed.exitCode == 0 && printed.out == QStringLiteral("SELECT 'mine';\n")
                     && printed.err.contains(QLatin1String("the down file 0001_second.down.sql")),
                 qPrintable(printed.describe()));
        QCOMPARE(strata({QStringLiteral("down"), QStringLiteral("--dir"), dir, QStringLiteral("0000_first")}).exitCode, 1);
        QCOMPARE(strata({QStringLiteral("down"), QStringLiteral("--dir"), dir, QStringLiteral("9999_none")}).exitCode, 2);
        QVERIFY(!DownMigration::of(folder, 0, &error));
        QVERIFY2(error.contains(QLatin1String("0000_first has no down file (0000_first.down.sql)"))
                     && error.contains(QLatin1String("meta/0000_snapshot.json is missing")),
                 qPrintable(error));
    }

    // What drizzle cannot express but a database has (partitions, comments, UNLOGGED, storage
    // parameters, FORCE ROW LEVEL SECURITY): Strata's SQL makes it again from nothing, changes
    // it, and takes it away.
    void introspectedOnlyFactsRoundTrip()
    {
        runSql(QStringLiteral(
            "CREATE TABLE events (at date NOT NULL, note text) PARTITION BY RANGE (at);"
            "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
            "CREATE UNLOGGED TABLE scratch (id integer) WITH (fillfactor = 70);"
            "ALTER TABLE scratch ENABLE ROW LEVEL SECURITY; ALTER TABLE scratch FORCE ROW LEVEL SECURITY;"
            "COMMENT ON TABLE scratch IS 'it''s scratch'; COMMENT ON COLUMN events.note IS 'free text';"));
        ConnectionSpec spec = m_cluster.tcpSpec(kDatabase);
        spec.setValue(QStringLiteral("password"), m_cluster.cluster().password());
        Connection connection(spec);
        PgError error;
        const std::optional<Schema> original = Introspector::introspectAndWait(connection, {}, &error);
        QVERIFY2(original, qPrintable(error.toString()));

        Schema changed = *original;
        for (Table &table : changed.tables) {
            if (table.name == QLatin1String("scratch")) {
                table.unlogged = false;
                table.with = {{QStringLiteral("fillfactor"), QStringLiteral("80")}};
                table.rlsForced = false;
                table.comment.clear();
            }
        }
        const QList<std::pair<Schema, Schema>> steps = {{*original, Schema()}, {Schema(), *original}, {*original, changed}};
        for (const auto &[from, to] : steps) {
            applyMigration(DdlWriter::join(DdlWriter::up(from, to)));
            const std::optional<Schema> now = Introspector::introspectAndWait(connection, {}, &error);
            QVERIFY2(now, qPrintable(error.toString()));
            QVERIFY2(*now == to, qPrintable(DdlWriter::join(DdlWriter::up(*now, to))));
        }
    }

    void refusesWhatItCannotDo()
    {
        QTemporaryDir tmp;
        // No database to read: exit 1 with the server's reason, nothing written.
        const QString dir = tmp.filePath(QStringLiteral("out"));
        QString wrong = m_url;
        wrong.replace(m_cluster.cluster().password(), QStringLiteral("not-the-password"));
        const test::CliRun noDb = strata({QStringLiteral("generate"), QStringLiteral("--dir"), dir,
                                         QStringLiteral("--from-db"), wrong});
        QCOMPARE(noDb.exitCode, 1);
        QVERIFY2(noDb.err.contains(QLatin1String("could not read the schema of")), qPrintable(noDb.describe()));
        QVERIFY(!QFileInfo::exists(dir));

        // Usage: no database named; both --dir and --project; a bad --rename.
        QCOMPARE(strata({QStringLiteral("generate"), QStringLiteral("--dir"), dir}).exitCode, 2);
        QCOMPARE(strata({QStringLiteral("generate"), QStringLiteral("--dir"), dir, QStringLiteral("--project"), dir})
                     .exitCode, 2);
        const test::CliRun badRename = strata({QStringLiteral("generate"), QStringLiteral("--dir"), dir,
                                              QStringLiteral("--from-db"), m_url, QStringLiteral("--rename"),
                                              QStringLiteral("tables:a=b")});
        QCOMPARE(badRename.exitCode, 2);
        QVERIFY2(badRename.err.contains(QLatin1String("unknown kind tables")), qPrintable(badRename.describe()));

        // drizzle-kit 1.0's layout: Strata cannot write version 8 snapshots yet, and says so.
        const test::CliRun v1 = strata({QStringLiteral("generate"), QStringLiteral("--dir"),
                                       QStringLiteral(QT_TESTCASE_SOURCEDIR "/data/snapshots/kit-1.0.0-beta.24"),
                                       QStringLiteral("--from-db"), m_url});
        QCOMPARE(v1.exitCode, 2);
        QVERIFY2(v1.err.contains(QLatin1String("drizzle-kit 1.0's layout")), qPrintable(v1.describe()));

        // A folder with errors is not extended.
        const QString broken = tmp.filePath(QStringLiteral("broken"));
        QVERIFY(QDir().mkpath(broken + QStringLiteral("/meta")));
        QVERIFY(test::writeFile(broken + QStringLiteral("/meta/_journal.json"), "{ not json"));
        const test::CliRun refused = strata({QStringLiteral("generate"), QStringLiteral("--dir"), broken,
                                            QStringLiteral("--from-db"), m_url});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QLatin1String("has errors")), qPrintable(refused.describe()));
        QCOMPARE(QDir(broken).entryList({QStringLiteral("*.sql")}, QDir::Files).size(), 0);
    }
};

STRATA_TEST(GenerateCommandTest)
#include "GenerateCommandTest.moc"
