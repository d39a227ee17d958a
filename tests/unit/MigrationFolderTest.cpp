// MigrationFolder and Journal: both drizzle layouts, every problem check, drizzle's hashes,
// byte-identical journals, and the real histories (MigrationWriterTest writes folders).
#include "MigrationFolderFixtures.h"
#include "TestRegistry.h"

#include "migrations/Journal.h"
#include "migrations/MigrationFolder.h"
#include "migrations/MigrationNames.h"
#include "migrations/MigrationWriter.h"
#include "migrations/NodeUtf8.h"
#include "pg/DrizzleProject.h"

#include <QDir>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace strata;

using namespace strata::test::folders;

namespace {

using Mutation = std::function<void(const QString &dir)>;

// "<severity> <kind> <location>" for errors and warnings (notes are not problems).
QStringList describe(const MigrationFolder &folder, bool withNotes = false)
{
    QStringList lines;
    for (const MigrationProblem &p : folder.problems()) {
        if (p.severity == MigrationProblem::Severity::Note && !withNotes)
            continue;
        lines.append(QStringLiteral("%1 %2 %3").arg(MigrationProblem::severityId(p.severity),
                                                     MigrationProblem::kindId(p.kind), p.location()));
    }
    return lines;
}

QString testData()
{
    const QString fromEnvironment = qEnvironmentVariable("STRATA_TESTDATA");
    return fromEnvironment.isEmpty() ? QStringLiteral("/work/shared/testdata") : fromEnvironment;
}

QString sourceRoot()
{
    // Not __FILE__: with ccache's base_dir it is relative to the build folder.
    return QDir::cleanPath(QStringLiteral(QT_TESTCASE_SOURCEDIR "/.."));
}

// The real journal without its last entry, byte for byte as drizzle-kit had written it then.
QByteArray withoutLastEntry(const QByteArray &journal)
{
    const qsizetype cut = journal.lastIndexOf(",\n    {");
    return cut < 0 ? QByteArray() : journal.left(cut) + "\n  ]\n}";
}

} // namespace

Q_DECLARE_METATYPE(Mutation)

class MigrationFolderTest : public QObject
{
    Q_OBJECT

private slots:
    void cleanFolderReadsWithoutProblems()
    {
        QTemporaryDir tmp;
        writeBaseFolder(tmp.path());
        const MigrationFolder folder = MigrationFolder::read(tmp.path());
        QCOMPARE(folder.layout(), MigrationFolder::Layout::Journal);
        QVERIFY2(folder.problems().isEmpty(), qPrintable(dump(folder)));
        QCOMPARE(folder.migrations().size(), 3);
        QCOMPARE(folder.prefixMode(), MigrationNames::PrefixMode::Index);
        const Migration &first = folder.migrations()[0];
        QCOMPARE(first.tag, QStringLiteral("0000_a"));
        QCOMPARE(first.idx, 0);
        QCOMPARE(first.when, Q_INT64_C(1795505280330));
        QCOMPARE(first.journalLine, 5);
        QCOMPARE(first.sqlFile, QStringLiteral("0000_a.sql"));
        QCOMPARE(first.snapshotFile, QStringLiteral("meta/0000_snapshot.json"));
        QCOMPARE(first.snapshot.id, QStringLiteral("id-0"));
        QCOMPARE(first.snapshot.prevIds, QStringList{origin});
        QCOMPARE(first.snapshot.version, QStringLiteral("7"));
        QCOMPARE(first.script.pieces.size(), 2);
        QCOMPARE(first.script.statementCount(), 2);
        QVERIFY(first.script.pieces[0].statements[0].text.startsWith(QLatin1String("DO $$ BEGIN")));
        QCOMPARE(folder.migrations()[1].script.statementCount(), 2);
        QCOMPARE(folder.migrations()[1].journalLine, 12);
        QCOMPARE(folder.migrations()[2].script.pieces[1].statements[0].start.line, 2);
    }

    void problems_data()
    {
        QTest::addColumn<Mutation>("mutation");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("journal entry without its file")
            << Mutation([](const QString &dir) { QFile::remove(dir + QStringLiteral("/0001_b.sql")); })
            << QStringList{QStringLiteral("error file-missing meta/_journal.json:12")};
        QTest::newRow("two entries without their files, all listed")
            << Mutation([](const QString &dir) {
                   QFile::remove(dir + QStringLiteral("/0000_a.sql"));
                   QFile::remove(dir + QStringLiteral("/0002_c.sql"));
               })
            << QStringList{QStringLiteral("error file-missing meta/_journal.json:5"),
                           QStringLiteral("error file-missing meta/_journal.json:19")};
        QTest::newRow(".sql file not in the journal")
            << Mutation([](const QString &dir) { writeFile(dir + QStringLiteral("/0001_stray.sql"), "SELECT 1;"); })
            << QStringList{QStringLiteral("warning file-not-in-journal 0001_stray.sql")};
        QTest::newRow("duplicate idx")
            << Mutation([](const QString &dir) {
                   QList<Entry> entries = baseEntries;
                   entries[2].idx = 1;
                   writeFile(dir + QStringLiteral("/meta/_journal.json"), journalText(entries));
               })
            << QStringList{QStringLiteral("warning duplicate-idx meta/_journal.json:19")};
        QTest::newRow("duplicate tag")
            << Mutation([](const QString &dir) {
                   QList<Entry> entries = baseEntries;
                   entries[2].tag = QStringLiteral("0001_b");
                   writeFile(dir + QStringLiteral("/meta/_journal.json"), journalText(entries));
               })
            << QStringList{QStringLiteral("error duplicate-tag meta/_journal.json:19"),
                           QStringLiteral("warning file-not-in-journal 0002_c.sql"),
                           QStringLiteral("warning snapshot-chain-broken meta/0001_snapshot.json")};
        QTest::newRow("when going backwards")
            << Mutation([](const QString &dir) {
                   QList<Entry> entries = baseEntries;
                   entries[2].when = entries[0].when + 1;
                   writeFile(dir + QStringLiteral("/meta/_journal.json"), journalText(entries));
               })
            << QStringList{QStringLiteral("warning when-not-increasing meta/_journal.json:19")};
        QTest::newRow("when equal to the previous one")
            << Mutation([](const QString &dir) {
                   QList<Entry> entries = baseEntries;
                   entries[1].when = entries[0].when;
                   writeFile(dir + QStringLiteral("/meta/_journal.json"), journalText(entries));
               })
            << QStringList{QStringLiteral("warning when-not-increasing meta/_journal.json:12")};
        QTest::newRow("prevId not the previous id")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/meta/0002_snapshot.json"), snapshotText(QStringLiteral("id-2"), QStringLiteral("nowhere")));
               })
            << QStringList{QStringLiteral("warning snapshot-chain-broken meta/0002_snapshot.json")};
        QTest::newRow("two snapshots with the same parent")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/meta/0002_snapshot.json"), snapshotText(QStringLiteral("id-2"), QStringLiteral("id-0")));
               })
            << QStringList{QStringLiteral("warning snapshot-chain-broken meta/0002_snapshot.json"),
                           QStringLiteral("error snapshot-parent-shared meta/0001_snapshot.json")};
        QTest::newRow("a stray snapshot with the same parent")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/meta/0001b_snapshot.json"), snapshotText(QStringLiteral("id-x"), QStringLiteral("id-0")));
               })
            << QStringList{QStringLiteral("error snapshot-parent-shared meta/0001_snapshot.json")};
        QTest::newRow("missing snapshot")
            << Mutation([](const QString &dir) { QFile::remove(dir + QStringLiteral("/meta/0001_snapshot.json")); })
            << QStringList{QStringLiteral("warning snapshot-missing meta/_journal.json:12"),
                           QStringLiteral("warning snapshot-chain-broken meta/0002_snapshot.json")};
        QTest::newRow("malformed snapshot")
            << Mutation([](const QString &dir) { writeFile(dir + QStringLiteral("/meta/0002_snapshot.json"), "{\n  \"id\": \"id-2\",\n  \"prevId\" \"id-1\"\n}"); })
            << QStringList{QStringLiteral("warning snapshot-malformed meta/0002_snapshot.json:3:17")};
        QTest::newRow("not valid UTF-8")
            << Mutation([](const QString &dir) { writeFile(dir + QStringLiteral("/0001_b.sql"), "SELECT 1;\nSELECT 'é\xff';"); })
            << QStringList{QStringLiteral("warning invalid-utf8 0001_b.sql:2:10")};
        QTest::newRow("CRLF line endings")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/0002_c.sql"), "SELECT 1;\r\n--> statement-breakpoint\r\nSELECT 2;\r\n");
               })
            << QStringList{QStringLiteral("warning crlf-line-endings 0002_c.sql:1")};
        QTest::newRow("byte order mark")
            << Mutation([](const QString &dir) { writeFile(dir + QStringLiteral("/0000_a.sql"), "\xEF\xBB\xBFSELECT 1;"); })
            << QStringList{QStringLiteral("warning byte-order-mark 0000_a.sql:1:1"),
                           QStringLiteral("warning sql-syntax 0000_a.sql:1:1")};
        QTest::newRow("SQL that libpg_query cannot parse, all of it")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/0001_b.sql"),
                             "SELECT 1;\n--> statement-breakpoint\nCREATE TABLE (x int);\n--> statement-breakpoint\n"
                             "-- Größe 😀\nSELECT 'ü' FROM WHERE;");
               })
            << QStringList{QStringLiteral("warning sql-syntax 0001_b.sql:3:14"),
                           QStringLiteral("warning sql-syntax 0001_b.sql:6:17")};
        QTest::newRow("malformed journal JSON")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/meta/_journal.json"),
                             "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\"\n  \"entries\": []\n}");
               })
            << QStringList{QStringLiteral("error journal-malformed meta/_journal.json:4:11")};
        QTest::newRow("journal with a byte order mark")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/meta/_journal.json"), "\xEF\xBB\xBF" + journalText(baseEntries));
               })
            << QStringList{QStringLiteral("error journal-malformed meta/_journal.json:1:1")};
        QTest::newRow("unknown journal version")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/meta/_journal.json"), journalText(baseEntries, QStringLiteral("9")));
               })
            << QStringList{QStringLiteral("warning journal-header meta/_journal.json")};
        QTest::newRow("unknown journal dialect")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/meta/_journal.json"), journalText(baseEntries, QStringLiteral("7"), QStringLiteral("oracle")));
               })
            << QStringList{QStringLiteral("warning journal-header meta/_journal.json")};
        QTest::newRow("journal of another dialect")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/meta/_journal.json"), journalText(baseEntries, QStringLiteral("5"), QStringLiteral("mysql")));
               })
            << QStringList{QStringLiteral("error journal-header meta/_journal.json")};
        QTest::newRow("journal missing")
            << Mutation([](const QString &dir) { QFile::remove(dir + QStringLiteral("/meta/_journal.json")); })
            << QStringList{QStringLiteral("error journal-missing meta/_journal.json")};
        QTest::newRow("entry without a tag")
            << Mutation([](const QString &dir) {
                   QByteArray journal = journalText(baseEntries);
                   journal.replace("      \"tag\": \"0001_b\",\n", "");
                   writeFile(dir + QStringLiteral("/meta/_journal.json"), journal);
               })
            << QStringList{QStringLiteral("error journal-entry-invalid meta/_journal.json:12"),
                           QStringLiteral("warning file-not-in-journal 0001_b.sql"),
                           QStringLiteral("warning snapshot-chain-broken meta/0002_snapshot.json")};
        QTest::newRow("1.0 folder next to the journal")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/20250101000000_x/migration.sql"), "SELECT 1;");
               })
            << QStringList{QStringLiteral("warning mixed-layout 20250101000000_x")};
    }

    void problems()
    {
        QFETCH(Mutation, mutation);
        QFETCH(QStringList, expected);

        QTemporaryDir tmp;
        writeBaseFolder(tmp.path());
        mutation(tmp.path());
        const MigrationFolder folder = MigrationFolder::read(tmp.path());
        const QStringList found = describe(folder);
        if (found != expected)
            qWarning().noquote() << dump(folder);
        QCOMPARE(found, expected);
        for (const MigrationProblem &problem : folder.problems())
            QVERIFY2(!problem.message.isEmpty(), qPrintable(problem.toString()));
    }

    void problemTextIsCompilerStyle()
    {
        QTemporaryDir tmp;
        writeBaseFolder(tmp.path());
        QList<Entry> entries = baseEntries;
        entries[2].when = entries[0].when;
        writeFile(tmp.path() + QStringLiteral("/meta/_journal.json"), journalText(entries));
        const MigrationFolder folder = MigrationFolder::read(tmp.path());
        QCOMPARE(folder.problems().size(), 1);
        const QString text = folder.problems().first().toString(QStringLiteral("drizzle"));
        QVERIFY2(text.startsWith(QLatin1String("drizzle/meta/_journal.json:19: warning: 0002_c (when 1795505280330) "
                                               "follows 0001_b (when 1795505287073)")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("skips 0002_c")), qPrintable(text));
    }

    void missingAndEmptyFolders()
    {
        QTemporaryDir tmp;
        const MigrationFolder missing = MigrationFolder::read(tmp.path() + QStringLiteral("/nope"));
        QCOMPARE(missing.layout(), MigrationFolder::Layout::Missing);
        QCOMPARE(describe(missing), QStringList{QStringLiteral("error folder-missing ")});
        const MigrationFolder empty = MigrationFolder::read(tmp.path());
        QCOMPARE(empty.layout(), MigrationFolder::Layout::Empty);
        QVERIFY(empty.problems().isEmpty());
        QVERIFY(empty.migrations().isEmpty());
    }

    void foldersLayout_data()
    {
        QTest::addColumn<Mutation>("mutation");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("clean") << Mutation([](const QString &) {}) << QStringList{};
        QTest::newRow("folder with a snapshot but no migration.sql")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/20250102000000_lost/snapshot.json"), "{}");
               })
            << QStringList{QStringLiteral("warning folder-without-sql 20250102000000_lost/snapshot.json")};
        QTest::newRow("folder name without a timestamp")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/zz_later/migration.sql"), "SELECT 1;");
               })
            << QStringList{QStringLiteral("warning folder-name-invalid zz_later/migration.sql"),
                           QStringLiteral("warning snapshot-missing zz_later/migration.sql")};
        QTest::newRow("prevIds without the previous id")
            << Mutation([](const QString &dir) {
                   writeFile(dir + QStringLiteral("/20251124074400_second/snapshot.json"),
                             "{\"version\": \"8\", \"dialect\": \"postgres\", \"id\": \"b\", \"prevIds\": [\"x\"], \"ddl\": []}");
               })
            << QStringList{QStringLiteral("warning snapshot-chain-broken 20251124074400_second/snapshot.json")};
        QTest::newRow("top-level .sql file is never applied")
            << Mutation([](const QString &dir) { writeFile(dir + QStringLiteral("/extra.sql"), "SELECT 1;"); })
            << QStringList{QStringLiteral("warning file-not-in-journal extra.sql")};
    }

    // drizzle-kit 1.0 beta: <YYYYMMDDHHMMSS>_<name>/migration.sql + snapshot.json, no journal.
    void foldersLayout()
    {
        QFETCH(Mutation, mutation);
        QFETCH(QStringList, expected);

        QTemporaryDir tmp;
        const QString dir = tmp.path();
        writeFile(dir + QStringLiteral("/20251124074321_clumsy_frank_castle/migration.sql"),
                  "CREATE TYPE \"role\" AS ENUM('a');--> statement-breakpoint\nCREATE TABLE \"users\" (\n\t\"id\" text PRIMARY KEY\n);\n");
        writeFile(dir + QStringLiteral("/20251124074321_clumsy_frank_castle/snapshot.json"),
                  "{\n  \"version\": \"8\",\n  \"dialect\": \"postgres\",\n  \"id\": \"a\",\n  \"prevIds\": [\n    \""
                      + origin.toUtf8() + "\"\n  ],\n  \"ddl\": [],\n  \"renames\": []\n}");
        writeFile(dir + QStringLiteral("/20251124074400_second/migration.sql"), "ALTER TABLE \"users\" ADD COLUMN \"x\" text;");
        writeFile(dir + QStringLiteral("/20251124074400_second/snapshot.json"),
                  "{\"version\": \"8\", \"dialect\": \"postgres\", \"id\": \"b\", \"prevIds\": [\"a\"], \"ddl\": []}");
        mutation(dir);

        const MigrationFolder folder = MigrationFolder::read(dir);
        QCOMPARE(folder.layout(), MigrationFolder::Layout::Folders);
        QCOMPARE(describe(folder), expected);
        QVERIFY(folder.migrations().size() >= 2);
        const Migration &first = folder.migrations()[0];
        QCOMPARE(first.tag, QStringLiteral("20251124074321_clumsy_frank_castle"));
        QCOMPARE(first.idx, 0);
        // Date.UTC(2025, 10, 24, 7, 43, 21): drizzle 1.0's created_at.
        QCOMPARE(first.when, Q_INT64_C(1763970201000));
        QCOMPARE(first.sqlFile, QStringLiteral("20251124074321_clumsy_frank_castle/migration.sql"));
        QCOMPARE(first.snapshot.id, QStringLiteral("a"));
        QCOMPARE(first.snapshot.version, QStringLiteral("8"));
        QCOMPARE(first.script.statementCount(), 2);
        QCOMPARE(folder.migrations()[1].tag, QStringLiteral("20251124074400_second"));
        QCOMPARE(folder.prefixMode(), MigrationNames::PrefixMode::Timestamp);
    }

    void prefixModes_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<QStringList>("snapshots");  // existing snapshot files, by migration; "" for none

        QTest::newRow("index") << QStringLiteral("index")
                               << QStringList{QStringLiteral("0000_clumsy_frank_castle"), QStringLiteral("0001_happy_hairball")}
                               << QStringList{QStringLiteral("meta/0000_snapshot.json"), QStringLiteral("meta/0001_snapshot.json")};
        QTest::newRow("timestamp") << QStringLiteral("timestamp")
                                   << QStringList{QStringLiteral("20250508083758_SetupTables"), QStringLiteral("20250522083748_AddEmail")}
                                   << QStringList{QStringLiteral("meta/20250508083758_snapshot.json"),
                                                  QStringLiteral("meta/20250522083748_snapshot.json")};
        QTest::newRow("unix") << QStringLiteral("unix")
                              << QStringList{QStringLiteral("1746693478_setup"), QStringLiteral("1747903068_add_email")}
                              << QStringList{QStringLiteral("meta/1746693478_snapshot.json"), QStringLiteral("meta/1747903068_snapshot.json")};
        QTest::newRow("none") << QStringLiteral("none")
                              << QStringList{QStringLiteral("_setup"), QStringLiteral("_add_email")}
                              << QStringList{QString(), QStringLiteral("meta/_snapshot.json")};
    }

    void prefixModes()
    {
        QFETCH(QString, mode);
        QFETCH(QStringList, tags);
        QFETCH(QStringList, snapshots);

        QTemporaryDir tmp;
        QList<Entry> entries;
        QString previous = origin;
        for (int i = 0; i < tags.size(); ++i) {
            entries.append({i, 1746693478656 + i * 1000, tags[i]});
            writeFile(tmp.path() + QLatin1Char('/') + tags[i] + QStringLiteral(".sql"), "SELECT 1;");
            if (!snapshots[i].isEmpty())
                writeFile(tmp.path() + QLatin1Char('/') + snapshots[i], snapshotText(QStringLiteral("id-%1").arg(i), previous));
            previous = QStringLiteral("id-%1").arg(i);
        }
        if (mode == QLatin1String("none"))  // the one snapshot is the newest, whose parent is id-0
            writeFile(tmp.path() + QStringLiteral("/meta/_snapshot.json"), snapshotText(QStringLiteral("id-1"), QStringLiteral("id-0")));
        writeFile(tmp.path() + QStringLiteral("/meta/_journal.json"), journalText(entries));

        const MigrationFolder folder = MigrationFolder::read(tmp.path());
        QVERIFY2(describe(folder).isEmpty(), qPrintable(dump(folder)));
        QCOMPARE(folder.detectedPrefixMode(), MigrationNames::parsePrefixMode(mode));
        QCOMPARE(MigrationNames::prefixModeName(folder.prefixMode()), mode);
        for (int i = 0; i < tags.size(); ++i) {
            QCOMPARE(folder.migrations()[i].snapshotFile, snapshots[i]);
            QCOMPARE(folder.migrations()[i].snapshot.exists, !snapshots[i].isEmpty());
        }
    }

    void hashes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("sha256");  // from sha256sum (of the U+FFFD text for bad bytes)
        QTest::addColumn<int>("replacements");

        QTest::newRow("valid UTF-8 = sha256sum of the file")
            << QByteArray("CREATE TABLE \"a\" (\"x\" int);--> statement-breakpoint\nSELECT 1;")
            << QByteArray("6e09ceb17ec55d6e5c78c57b67d4c7e0477b65dd37d1463eb173af9d187fa006") << 0;
        // printf "SELECT 'a\xef\xbf\xbd\xef\xbf\xbd';" | sha256sum, and Node agrees.
        QTest::newRow("invalid bytes become U+FFFD before hashing")
            << QByteArray("SELECT 'a\xff\xe2\x82';")
            << QByteArray("a1241c792c3191d1a8186bc560d15ddf6973e41ee0e0ae0f1469c0512071cde4") << 2;
        QTest::newRow("BOM kept") << QByteArray("\xEF\xBB\xBFSELECT 1;")
                                  << QByteArray("a35432496aa3b58f1818bc547ae78c87d1a5e702dcc7f28e2e1fdb38ff3bbf52") << 0;
        QTest::newRow("CRLF") << QByteArray("SELECT 1;\r\nSELECT 2;")
                              << QByteArray("d208fbc7baaba8551081a2dcee916e6111dfba265ebd2d4e26022abfe968e000") << 0;
        QTest::newRow("LF") << QByteArray("SELECT 1;\nSELECT 2;")
                            << QByteArray("f64316e71b25e7e950d2440c39420b51dfcc2931e172a923d5b7f89fdc67342d") << 0;
    }

    void hashes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, sha256);
        QFETCH(int, replacements);

        QCOMPARE(NodeUtf8::sha256Hex(bytes), sha256);
        QCOMPARE(NodeUtf8::decode(bytes).invalidSequences, replacements);
        QTemporaryDir tmp;
        writeFile(tmp.path() + QStringLiteral("/0000_x.sql"), bytes);
        writeFile(tmp.path() + QStringLiteral("/meta/_journal.json"), journalText({{0, 1, QStringLiteral("0000_x")}}));
        const MigrationFolder folder = MigrationFolder::read(tmp.path());
        QCOMPARE(folder.migrations().size(), 1);
        QCOMPARE(folder.migrations()[0].hash, sha256);
        QCOMPARE(folder.migrations()[0].bytes, bytes);
        // The text is what drizzle sends: U+FFFD for bad bytes, the BOM still there.
        QCOMPARE(folder.migrations()[0].text.toUtf8(), NodeUtf8::decode(bytes).utf8);
    }

    // Node's Buffer.toString(): one U+FFFD per maximal invalid subsequence (checked with node 20).
    void utf8DecodingMatchesNode_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("decoded");
        QTest::newRow("truncated sequence") << QByteArray("a\xE2\x82" "A") << QByteArray("a\xEF\xBF\xBD" "A");
        QTest::newRow("overlong") << QByteArray("\xC0\x80") << QByteArray("\xEF\xBF\xBD\xEF\xBF\xBD");
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << QByteArray("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << QByteArray("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
        QTest::newRow("cut emoji") << QByteArray("\xF0\x9F\x98") << QByteArray("\xEF\xBF\xBD");
        QTest::newRow("emoji") << QByteArray("\xF0\x9F\x98\x80") << QByteArray("\xF0\x9F\x98\x80");
        QTest::newRow("lead then ASCII") << QByteArray("\xC3(") << QByteArray("\xEF\xBF\xBD(");
        QTest::newRow("five-byte form") << QByteArray("\xF8\x88\x80\x80\x80")
                                        << QByteArray("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    }

    void utf8DecodingMatchesNode()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, decoded);
        QCOMPARE(NodeUtf8::decode(bytes).utf8, decoded);
        QCOMPARE(NodeUtf8::decode(bytes).text, QString::fromUtf8(decoded));
    }

    void wordListsAreDrizzleKits()
    {
        QCOMPARE(MigrationNames::adjectives().size(), 383);
        QCOMPARE(MigrationNames::heroes().size(), 920);
        QCOMPARE(MigrationNames::adjectives().first(), QStringLiteral("abandoned"));
        QCOMPARE(MigrationNames::adjectives().last(), QStringLiteral("zippy"));
        QCOMPARE(MigrationNames::heroes().first(), QStringLiteral("aaron_stack"));
        QCOMPARE(MigrationNames::heroes().last(), QStringLiteral("zzzax"));
        // The reference project's names are drizzle-kit's own random ones.
        QVERIFY(MigrationNames::adjectives().contains(QStringLiteral("clumsy")));
        QVERIFY(MigrationNames::heroes().contains(QStringLiteral("frank_castle")));
        QVERIFY(MigrationNames::heroes().contains(QStringLiteral("tony_stark")));
    }

    void realHistories_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<int>("migrations");
        QTest::addColumn<QStringList>("warnings");  // as SOURCE.md lists them

        const QString root = testData() + QStringLiteral("/drizzle-histories");
        QTest::newRow("demo project") << sourceRoot() + QStringLiteral("/resources/demo/project/drizzle") << 5 << QStringList{};
        QTest::newRow("dokploy") << root + QStringLiteral("/dokploy/migrations") << 186
                                 << QStringList{QStringLiteral("warning file-not-in-journal 0130_abandoned_dagger.sql"),
                                                QStringLiteral("warning snapshot-chain-broken meta/0066_snapshot.json")};
        QTest::newRow("kan") << root + QStringLiteral("/kan/migrations") << 35
                             << QStringList{QStringLiteral("warning when-not-increasing meta/_journal.json:40"),
                                            QStringLiteral("warning when-not-increasing meta/_journal.json:208"),
                                            QStringLiteral("warning snapshot-missing meta/_journal.json:194"),
                                            QStringLiteral("warning snapshot-chain-broken meta/20260225195947_snapshot.json"),
                                            QStringLiteral("warning snapshot-chain-broken meta/20260224105235_snapshot.json"),
                                            QStringLiteral("warning snapshot-chain-broken meta/20260311065722_snapshot.json")};
        QTest::newRow("latitude") << root + QStringLiteral("/latitude/migrations") << 275
                                  << QStringList{QStringLiteral("warning file-not-in-journal 0200_ambiguous_dragon_man.sql"),
                                                 QStringLiteral("warning file-not-in-journal 0236_magenta_boomer.sql"),
                                                 QStringLiteral("warning file-not-in-journal 0249_previous_trace_id.sql"),
                                                 QStringLiteral("warning snapshot-missing meta/_journal.json:201"),
                                                 QStringLiteral("warning snapshot-chain-broken meta/0029_snapshot.json"),
                                                 QStringLiteral("warning snapshot-chain-broken meta/0084_snapshot.json"),
                                                 QStringLiteral("warning snapshot-chain-broken meta/0221_snapshot.json")};
    }

    // Real folders written by drizzle-kit: read without errors, hashes and `when` exactly as
    // drizzle-kit migrate stored them, every statement parsed, the journal byte for byte.
    void realHistories()
    {
        QFETCH(QString, folder);
        QFETCH(int, migrations);
        QFETCH(QStringList, warnings);

        if (!QFileInfo(folder).isDir())
            QSKIP(qPrintable(QStringLiteral("no test data at %1 (set STRATA_TESTDATA)").arg(folder)));
        const MigrationFolder read = MigrationFolder::read(folder);
        qInfo().noquote() << folder << read.migrations().size() << "migrations,"
                          << read.count(MigrationProblem::Severity::Error) << "errors,"
                          << read.count(MigrationProblem::Severity::Warning) << "warnings,"
                          << read.count(MigrationProblem::Severity::Note) << "notes";
        QCOMPARE(read.layout(), MigrationFolder::Layout::Journal);
        QCOMPARE(read.count(MigrationProblem::Severity::Error), 0);
        QCOMPARE(read.migrations().size(), migrations);
        QStringList found = describe(read);
        QStringList expected = warnings;
        found.sort();
        expected.sort();
        if (found != expected)
            qWarning().noquote() << dump(read);
        QCOMPARE(found, expected);
        int statements = 0;
        for (const Migration &migration : read.migrations()) {
            QVERIFY2(migration.hasSql, qPrintable(migration.tag));
            QVERIFY2(migration.script.errors().isEmpty(), qPrintable(migration.tag));
            statements += migration.script.statementCount();
        }
        qInfo() << statements << "statements";

        // drizzle-kit migrate's bookkeeping rows, in journal order: id,hash,created_at.
        const QString ledger = QFileInfo(folder).absolutePath() + QStringLiteral("/expected/ledger.csv");
        if (QFileInfo::exists(ledger)) {
            QStringList rows = QString::fromUtf8(readFile(ledger)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            if (!rows.isEmpty() && rows.first().startsWith(QLatin1String("id")))
                rows.removeFirst();
            QCOMPARE(rows.size(), migrations);
            for (int i = 0; i < rows.size(); ++i) {
                const QStringList fields = rows[i].split(QLatin1Char(','));
                QCOMPARE(QString::fromLatin1(read.migrations()[i].hash), fields.value(1));
                QCOMPARE(QString::number(read.migrations()[i].when), fields.value(2).trimmed());
            }
        }

        // The journal, parsed and written again, is the same bytes.
        const QByteArray journal = readFile(folder + QStringLiteral("/meta/_journal.json"));
        QCOMPARE(Journal::parse(journal).toJson(), journal);
    }

    // Writing the last migration again into a copy of the folder before it gives drizzle-kit's
    // own journal, SQL and snapshot, byte for byte.
    void realHistoriesWriteTheSameJournal_data() { realHistories_data(); }

    void realHistoriesWriteTheSameJournal()
    {
        QFETCH(QString, folder);
        if (!QFileInfo(folder).isDir())
            QSKIP(qPrintable(QStringLiteral("no test data at %1 (set STRATA_TESTDATA)").arg(folder)));
        const MigrationFolder real = MigrationFolder::read(folder);
        const Migration &last = real.migrations().last();
        const QByteArray journal = readFile(folder + QStringLiteral("/meta/_journal.json"));

        QTemporaryDir tmp;
        QVERIFY(writeFile(tmp.path() + QStringLiteral("/meta/_journal.json"), withoutLastEntry(journal)));
        NewMigration migration;
        migration.name = last.tag.mid(last.tag.indexOf(QLatin1Char('_')) + 1);
        migration.statements = {last.text};
        migration.snapshot = readFile(real.filePath(last.snapshotFile));
        migration.when = last.when;
        migration.breakpoints = last.breakpoints;
        migration.prefixMode = real.prefixMode();
        WrittenMigration written;
        QString error;
        QVERIFY2(MigrationWriter::write(MigrationFolder::read(tmp.path()), migration, &written, &error), qPrintable(error));
        QCOMPARE(written.tag, last.tag);
        QCOMPARE(readFile(tmp.path() + QStringLiteral("/meta/_journal.json")), journal);
        QCOMPARE(readFile(tmp.path() + QLatin1Char('/') + written.sqlFile), last.bytes);
        QCOMPARE(written.snapshotFile, last.snapshotFile);
    }

    void readsTheProjectsOutFolder()
    {
        const QString project = sourceRoot() + QStringLiteral("/resources/demo/project");
        const DrizzleProject drizzle = DrizzleProject::read(project);
        const MigrationFolder folder = MigrationFolder::read(drizzle);
        QCOMPARE(QFileInfo(folder.absolutePath()).canonicalFilePath(),
                 QFileInfo(project + QStringLiteral("/drizzle")).canonicalFilePath());
        QCOMPARE(folder.migrations().size(), 5);
        QCOMPARE(folder.configuredPrefixMode(), MigrationNames::PrefixMode::Index);
        QVERIFY2(folder.problems().isEmpty(), qPrintable(dump(folder)));
    }
};

STRATA_TEST(MigrationFolderTest)
#include "MigrationFolderTest.moc"
