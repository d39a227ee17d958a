// MigrationWriter: new migrations in every prefix mode and both layouts, as drizzle-kit
// names and joins them, crash-safe, with Strata's header comment and down file.
#include "MigrationFolderFixtures.h"
#include "TestRegistry.h"

#include "migrations/Journal.h"
#include "migrations/MigrationFolder.h"
#include "migrations/MigrationNames.h"
#include "migrations/MigrationWriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace strata;
using namespace strata::test::folders;

namespace {

// Lowers RLIMIT_FSIZE for the scope, so that writing a bigger file fails (EFBIG) even as root.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
};

} // namespace

class MigrationWriterTest : public QObject
{
    Q_OBJECT

private slots:
    void sqlJoinsLikeDrizzleKit()
    {
        const QStringList statements = {QStringLiteral("CREATE TABLE \"a\" (\n\t\"x\" int\n);\n"),
                                        QStringLiteral("ALTER TABLE \"a\" ADD COLUMN \"y\" int;")};
        QCOMPARE(MigrationWriter::sqlText(statements, true),
                 QStringLiteral("CREATE TABLE \"a\" (\n\t\"x\" int\n);\n--> statement-breakpoint\nALTER TABLE \"a\" ADD COLUMN \"y\" int;"));
        QCOMPARE(MigrationWriter::sqlText(statements, false),
                 QStringLiteral("CREATE TABLE \"a\" (\n\t\"x\" int\n);\n\nALTER TABLE \"a\" ADD COLUMN \"y\" int;"));
    }

    void writesANewMigration_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("snapshot");
        QTest::newRow("index") << QStringLiteral("index") << QStringLiteral("0003_add_title") << QStringLiteral("meta/0003_snapshot.json");
        // 1749405288761 is 2025-06-08T17:54:48.761Z.
        QTest::newRow("timestamp") << QStringLiteral("timestamp") << QStringLiteral("20250608175448_add_title")
                                   << QStringLiteral("meta/20250608175448_snapshot.json");
        QTest::newRow("unix") << QStringLiteral("unix") << QStringLiteral("1749405288_add_title")
                              << QStringLiteral("meta/1749405288_snapshot.json");
        QTest::newRow("none") << QStringLiteral("none") << QStringLiteral("_add_title") << QStringLiteral("meta/_snapshot.json");
    }

    void writesANewMigration()
    {
        QFETCH(QString, mode);
        QFETCH(QString, tag);
        QFETCH(QString, snapshot);

        QTemporaryDir tmp;
        writeBaseFolder(tmp.path());
        const MigrationFolder before = MigrationFolder::read(tmp.path());
        NewMigration migration;
        migration.name = QStringLiteral("add_title");
        migration.statements = {QStringLiteral("ALTER TABLE \"posts\" ADD COLUMN \"subtitle\" text;"),
                                QStringLiteral("CREATE INDEX \"idx_posts_title\" ON \"posts\" USING btree (\"title\");")};
        migration.snapshot = snapshotText(QStringLiteral("id-3"), QStringLiteral("id-2"));
        migration.when = 1749405288761;
        migration.prefixMode = MigrationNames::parsePrefixMode(mode);
        WrittenMigration written;
        QString error;
        QVERIFY2(MigrationWriter::write(before, migration, &written, &error), qPrintable(error));
        QCOMPARE(written.tag, tag);
        QCOMPARE(written.idx, 3);
        QCOMPARE(written.snapshotFile, snapshot);
        QCOMPARE(readFile(tmp.path() + QLatin1Char('/') + written.sqlFile),
                 QByteArray("ALTER TABLE \"posts\" ADD COLUMN \"subtitle\" text;--> statement-breakpoint\n"
                            "CREATE INDEX \"idx_posts_title\" ON \"posts\" USING btree (\"title\");"));
        QCOMPARE(readFile(tmp.path() + QLatin1Char('/') + snapshot), migration.snapshot);
        QList<Entry> entries = baseEntries;
        entries.append({3, 1749405288761, tag});
        QCOMPARE(readFile(tmp.path() + QStringLiteral("/meta/_journal.json")), journalText(entries));
        // No temporary file stays behind.
        QCOMPARE(QDir(tmp.path() + QStringLiteral("/meta")).entryList(QDir::Files).size(), 5);

        const MigrationFolder after = MigrationFolder::read(tmp.path());
        QCOMPARE(after.migrations().size(), 4);
        QCOMPARE(after.migrations().last().tag, tag);
        QCOMPARE(after.migrations().last().script.statementCount(), 2);
    }

    void randomNameAndNowLikeDrizzleKit()
    {
        QTemporaryDir tmp;
        writeBaseFolder(tmp.path());
        NewMigration migration;
        migration.statements = {QStringLiteral("SELECT 1;")};
        migration.snapshot = snapshotText(QStringLiteral("id-3"), QStringLiteral("id-2"));
        const qint64 start = QDateTime::currentMSecsSinceEpoch();
        WrittenMigration written;
        QString error;
        QVERIFY2(MigrationWriter::write(MigrationFolder::read(tmp.path()), migration, &written, &error), qPrintable(error));
        const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("^0003_([a-z]+)_([a-z0-9_]+)$")).match(written.tag);
        QVERIFY2(match.hasMatch(), qPrintable(written.tag));
        QVERIFY(MigrationNames::adjectives().contains(match.captured(1)));
        QVERIFY(MigrationNames::heroes().contains(match.captured(2)));
        QVERIFY(written.when >= start && written.when <= QDateTime::currentMSecsSinceEpoch());
        const MigrationFolder after = MigrationFolder::read(tmp.path());
        QVERIFY2(after.problems().isEmpty(), qPrintable(dump(after)));
        QCOMPARE(after.migrations().last().when, written.when);
    }

    void writesIntoAMissingFolder()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/drizzle");
        NewMigration migration;
        migration.name = QStringLiteral("clumsy_frank_castle");
        migration.statements = {QStringLiteral("CREATE TABLE \"a\" (\"x\" int);\n")};
        migration.snapshot = snapshotText(QStringLiteral("id-0"), origin);
        migration.when = 1795505280330;
        QString error;
        QVERIFY2(MigrationWriter::write(MigrationFolder::read(dir), migration, nullptr, &error), qPrintable(error));
        QCOMPARE(readFile(dir + QStringLiteral("/meta/_journal.json")),
                 journalText({{0, 1795505280330, QStringLiteral("0000_clumsy_frank_castle")}}));
        QCOMPARE(readFile(dir + QStringLiteral("/0000_clumsy_frank_castle.sql")), QByteArray("CREATE TABLE \"a\" (\"x\" int);\n"));
        QVERIFY(MigrationFolder::read(dir).problems().isEmpty());
    }

    void writesTheFoldersLayout()
    {
        QTemporaryDir tmp;
        writeFile(tmp.path() + QStringLiteral("/20251124074321_first/migration.sql"), "SELECT 1;");
        writeFile(tmp.path() + QStringLiteral("/20251124074321_first/snapshot.json"),
                  "{\"version\": \"8\", \"dialect\": \"postgres\", \"id\": \"a\", \"prevIds\": [\"" + origin.toUtf8() + "\"]}");
        NewMigration migration;
        migration.name = QStringLiteral("second");
        migration.statements = {QStringLiteral("SELECT 2;")};
        migration.snapshot = "{\"version\": \"8\", \"dialect\": \"postgres\", \"id\": \"b\", \"prevIds\": [\"a\"]}";
        migration.when = 1763970300000;  // 2025-11-24T07:45:00Z
        WrittenMigration written;
        QString error;
        QVERIFY2(MigrationWriter::write(MigrationFolder::read(tmp.path()), migration, &written, &error), qPrintable(error));
        QCOMPARE(written.tag, QStringLiteral("20251124074500_second"));
        QCOMPARE(readFile(tmp.path() + QStringLiteral("/20251124074500_second/migration.sql")), QByteArray("SELECT 2;"));
        QVERIFY(!QFileInfo::exists(tmp.path() + QStringLiteral("/meta")));
        const MigrationFolder after = MigrationFolder::read(tmp.path());
        QVERIFY2(after.problems().isEmpty(), qPrintable(dump(after)));
        QCOMPARE(after.migrations().size(), 2);
        QCOMPARE(after.migrations().last().when, Q_INT64_C(1763970300000));
    }

    void refusesToOverwrite()
    {
        QTemporaryDir tmp;
        writeBaseFolder(tmp.path());
        writeFile(tmp.path() + QStringLiteral("/meta/0003_snapshot.json"), "{}");
        NewMigration migration;
        migration.name = QStringLiteral("x");
        migration.statements = {QStringLiteral("SELECT 1;")};
        QString error;
        QVERIFY(!MigrationWriter::write(MigrationFolder::read(tmp.path()), migration, nullptr, &error));
        QVERIFY2(error.contains(QLatin1String("0003_snapshot.json")), qPrintable(error));
        migration.name = QStringLiteral("../escape");
        QVERIFY(!MigrationWriter::write(MigrationFolder::read(tmp.path()), migration, nullptr, &error));
        QCOMPARE(readFile(tmp.path() + QStringLiteral("/meta/_journal.json")), journalText(baseEntries));
    }

    // A write that fails part-way leaves no journal entry without its file, and no new files.
    void atomicWriting_data()
    {
        QTest::addColumn<int>("failingStep");  // 1: snapshot, 2: journal
        QTest::newRow("snapshot cannot be written") << 1;
        QTest::newRow("journal cannot be written") << 2;
    }

    void atomicWriting()
    {
        QFETCH(int, failingStep);

        QTemporaryDir tmp;
        writeBaseFolder(tmp.path());
        // A journal bigger than the limit (so that its write fails) needs many entries.
        QList<Entry> entries = baseEntries;
        for (int i = 3; i < 40; ++i) {
            const QString tag = QStringLiteral("%1_m").arg(i, 4, 10, QLatin1Char('0'));
            entries.append({i, 1795505290000 + i, tag});
            writeFile(tmp.path() + QLatin1Char('/') + tag + QStringLiteral(".sql"), "SELECT 1;");
        }
        QFile::remove(tmp.path() + QStringLiteral("/meta/0001_snapshot.json"));
        QFile::remove(tmp.path() + QStringLiteral("/meta/0002_snapshot.json"));
        const QByteArray journal = journalText(entries);
        writeFile(tmp.path() + QStringLiteral("/meta/_journal.json"), journal);
        const QStringList filesBefore = QDir(tmp.path()).entryList(QDir::Files) + QDir(tmp.path() + QStringLiteral("/meta")).entryList(QDir::Files);
        const MigrationFolder folder = MigrationFolder::read(tmp.path());

        NewMigration migration;
        migration.name = QStringLiteral("doomed");
        migration.statements = {QStringLiteral("SELECT 1;")};
        // Step 1 fails on a snapshot over the limit; step 2 on the journal (~6 KB) only.
        migration.snapshot = failingStep == 1 ? QByteArray(8192, ' ') + snapshotText(QStringLiteral("n"), QStringLiteral("id-0"))
                                              : snapshotText(QStringLiteral("n"), QStringLiteral("id-0"));
        QVERIFY(journal.size() > 4096);
        QString error;
        bool ok = true;
        {
            const FileSizeLimit limit(4096);
            ok = MigrationWriter::write(folder, migration, nullptr, &error);
        }
        QVERIFY(!ok);
        QVERIFY2(!error.isEmpty(), "the failure says why");
        QCOMPARE(readFile(tmp.path() + QStringLiteral("/meta/_journal.json")), journal);
        const QStringList filesAfter = QDir(tmp.path()).entryList(QDir::Files) + QDir(tmp.path() + QStringLiteral("/meta")).entryList(QDir::Files);
        QCOMPARE(filesAfter, filesBefore);
        const MigrationFolder after = MigrationFolder::read(tmp.path());
        for (const MigrationProblem &problem : after.problems())
            QVERIFY2(problem.kind != MigrationProblem::Kind::FileMissing, qPrintable(problem.toString()));
    }

    void journalRoundTripsByteForByte()
    {
        QTemporaryDir tmp;
        const QByteArray compact = "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[]}";
        QList<MigrationProblem> problems;
        const Journal fresh = Journal::parse(compact, &problems);
        QVERIFY(problems.isEmpty());
        // What prepareOutFolder writes, then what the first generate rewrites it as.
        QCOMPARE(fresh.toJson(), QByteArray("{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": []\n}"));
        QCOMPARE(Journal().toJson(), fresh.toJson());
        // Unknown keys, odd key order, escapes and numbers survive as JSON.stringify writes them.
        const QByteArray odd = "{\n  \"dialect\": \"postgresql\",\n  \"version\": \"7\",\n  \"x\": {\n    \"a\": [\n      1.5,\n"
                               "      1e+21,\n      1e-7,\n      0.000001,\n      \"tab\\there \\\"q\\\" \\u0001 é\"\n    ],\n    \"b\": {}\n  },\n"
                               "  \"entries\": []\n}";
        QCOMPARE(Journal::parse(odd).toJson(), odd);
    }

    // Strata's own additions: a header before the first statement, and the down SQL in a
    // file beside the migration that the folder reads as that migration's down file.
    void writesHeaderAndDownFile_data()
    {
        QTest::addColumn<bool>("folders");
        QTest::newRow("journal layout") << false;
        QTest::newRow("1.0 layout") << true;
    }

    void writesHeaderAndDownFile()
    {
        QFETCH(bool, folders);
        QTemporaryDir tmp;
        if (folders) {
            writeFile(tmp.path() + QStringLiteral("/20251124074321_first/migration.sql"), "SELECT 1;");
            writeFile(tmp.path() + QStringLiteral("/20251124074321_first/snapshot.json"),
                      "{\"version\": \"8\", \"dialect\": \"postgres\", \"id\": \"a\", \"prevIds\": [\"" + origin.toUtf8() + "\"]}");
        } else {
            writeBaseFolder(tmp.path());
        }
        NewMigration migration;
        migration.name = QStringLiteral("with_down");
        migration.header = QStringLiteral("-- adds column \"posts\".\"subtitle\".\n");
        migration.statements = {QStringLiteral("ALTER TABLE \"posts\" ADD COLUMN \"subtitle\" text;")};
        migration.downSql = QStringLiteral("ALTER TABLE \"posts\" DROP COLUMN \"subtitle\";\n");
        migration.snapshot = folders ? QByteArray("{\"version\": \"8\", \"dialect\": \"postgres\", \"id\": \"b\", \"prevIds\": [\"a\"]}")
                                     : snapshotText(QStringLiteral("id-3"), QStringLiteral("id-2"));
        migration.when = folders ? 1763970300000 : 1795505299000;
        WrittenMigration written;
        QString error;
        QVERIFY2(MigrationWriter::write(MigrationFolder::read(tmp.path()), migration, &written, &error), qPrintable(error));
        QCOMPARE(written.downFile, folders ? QStringLiteral("20251124074500_with_down/down.sql")
                                           : QStringLiteral("0003_with_down.down.sql"));
        QCOMPARE(readFile(tmp.path() + QLatin1Char('/') + written.sqlFile),
                 QByteArray("-- adds column \"posts\".\"subtitle\".\nALTER TABLE \"posts\" ADD COLUMN \"subtitle\" text;"));
        QCOMPARE(readFile(tmp.path() + QLatin1Char('/') + written.downFile), migration.downSql.toUtf8());

        const MigrationFolder after = MigrationFolder::read(tmp.path());
        QVERIFY2(after.problems().isEmpty(), qPrintable(dump(after)));
        const Migration &last = after.migrations().last();
        QVERIFY(last.hasDown);
        QCOMPARE(last.downFile, written.downFile);
        QCOMPARE(last.script.statementCount(), 1);
        QVERIFY(!after.migrations().first().hasDown);
    }

    // A clock behind the folder's newest migration still writes a migration after it.
    void neverBeforeTheNewestMigration()
    {
        QTemporaryDir tmp;
        writeBaseFolder(tmp.path());
        const qint64 future = QDateTime::currentMSecsSinceEpoch() + 3600000;
        QList<Entry> entries = baseEntries;
        entries.last().when = future;
        writeFile(tmp.path() + QStringLiteral("/meta/_journal.json"), journalText(entries));
        NewMigration migration;
        migration.name = QStringLiteral("late_clock");
        migration.statements = {QStringLiteral("SELECT 1;")};
        migration.snapshot = snapshotText(QStringLiteral("id-3"), QStringLiteral("id-2"));
        WrittenMigration written;
        QString error;
        QVERIFY2(MigrationWriter::write(MigrationFolder::read(tmp.path()), migration, &written, &error), qPrintable(error));
        QCOMPARE(written.when, future + 1);
        const MigrationFolder after = MigrationFolder::read(tmp.path());
        QVERIFY2(after.problems().isEmpty(), qPrintable(dump(after)));
    }

    // A down file whose migration left the journal (drizzle-kit drop) is reported, not applied.
    void orphanDownFileIsReported()
    {
        QTemporaryDir tmp;
        writeBaseFolder(tmp.path());
        writeFile(tmp.path() + QStringLiteral("/0002_c.down.sql"), "DROP INDEX \"idx_posts_user_id\";");
        writeFile(tmp.path() + QStringLiteral("/0007_gone.down.sql"), "SELECT 1;");
        const MigrationFolder folder = MigrationFolder::read(tmp.path());
        QVERIFY(folder.migrations().last().hasDown);
        QCOMPARE(folder.problems().size(), 1);
        QCOMPARE(folder.problems().first().file, QStringLiteral("0007_gone.down.sql"));
        QVERIFY2(folder.problems().first().message.contains(QLatin1String("down migration of no migration")),
                 qPrintable(dump(folder)));
    }
};

STRATA_TEST(MigrationWriterTest)
#include "MigrationWriterTest.moc"
