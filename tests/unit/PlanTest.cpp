// Plan: which migrations of a folder a database has applied, from drizzle's bookkeeping rows
// alone (no server): matching by created_at and hash, by hash alone, by created_at alone
// (modified), by 1.0's name; duplicates, missing files, drizzle's high-water mark.
#include "MigrationFolderFixtures.h"
#include "TestRegistry.h"

#include "migrations/Ledger.h"
#include "migrations/MigrationFolder.h"
#include "migrations/Plan.h"

#include <QTemporaryDir>
#include <QTest>

using namespace strata;
using namespace strata::test::folders;

namespace {

using Files = QList<SqlFile>;
using Rows = QList<LedgerRow>;

constexpr qint64 W0 = Q_INT64_C(1795505280000);
constexpr qint64 W1 = W0 + 1000;
constexpr qint64 W2 = W0 + 2000;
constexpr qint64 W3 = W0 + 3000;
constexpr qint64 W4 = W0 + 4000;

const QByteArray sqlA = "CREATE TABLE \"a\" (\"id\" integer);\n";
const QByteArray sqlB = "CREATE TABLE \"b\" (\"id\" integer);\n";
const QByteArray sqlC = "CREATE TABLE \"c\" (\"id\" integer);\n";
const QByteArray sqlD = "CREATE TABLE \"d\" (\"id\" integer);\n";
const QByteArray sqlE = "CREATE TABLE \"e\" (\"id\" integer);\n";
// What drizzle-kit generate --custom writes: two such files have the same hash.
const QByteArray custom = "-- Custom SQL migration file, put your code below! --";

LedgerRow row(qint64 id, const QByteArray &sql, std::optional<qint64> createdAt, const QString &name = QString())
{
    LedgerRow r;
    r.id = id;
    r.hash = sha256Hex(sql);
    r.createdAt = createdAt;
    r.name = name;
    return r;
}

// "<tag> <state> <row ids>", one per entry; "-" for a row no migration owns.
QStringList describe(const Plan &plan, const MigrationFolder &folder)
{
    QStringList lines;
    for (const PlanEntry &entry : plan.entries()) {
        QStringList ids;
        for (const LedgerRow &r : entry.rows)
            ids.append(QString::number(r.id));
        QString line = (entry.migration >= 0 ? folder.migrations().at(entry.migration).tag : QStringLiteral("-"))
            + QLatin1Char(' ') + PlanEntry::stateId(entry.state);
        if (!ids.isEmpty())
            line += QLatin1Char(' ') + ids.join(QLatin1Char(','));
        lines.append(line);
    }
    return lines;
}

const Files abc = {{QStringLiteral("0000_a"), W0, sqlA, {}},
                   {QStringLiteral("0001_b"), W1, sqlB, {}},
                   {QStringLiteral("0002_c"), W2, sqlC, {}}};

// After a merge: 0002_c was generated on a branch before 0001_b, so its `when` is older.
const Files merged = {{QStringLiteral("0000_a"), W0, sqlA, {}},
                      {QStringLiteral("0001_b"), W2, sqlB, {}},
                      {QStringLiteral("0002_c"), W1, sqlC, {}},
                      {QStringLiteral("0003_d"), W3, sqlD, {}},
                      {QStringLiteral("0004_e"), W4, sqlE, {}}};

} // namespace

Q_DECLARE_METATYPE(Files)
Q_DECLARE_METATYPE(Rows)

class PlanTest : public QObject
{
    Q_OBJECT

    ScratchJournalFolder m_scratch;  // lives as long as the test function

    MigrationFolder folderOf(const Files &files)
    {
        return m_scratch.write(files);
    }

private slots:
    void cleanup() { m_scratch.clear(); }

    void states_data()
    {
        QTest::addColumn<Files>("files");
        QTest::addColumn<Rows>("rows");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("empty ledger: all pending")
            << abc << Rows{} << QStringList{"0000_a pending", "0001_b pending", "0002_c pending"};
        QTest::newRow("exact matches: applied")
            << abc << Rows{row(1, sqlA, W0), row(2, sqlB, W1), row(3, sqlC, W2)}
            << QStringList{"0000_a applied 1", "0001_b applied 2", "0002_c applied 3"};
        QTest::newRow("newer migration: pending")
            << abc << Rows{row(1, sqlA, W0), row(2, sqlB, W1)}
            << QStringList{"0000_a applied 1", "0001_b applied 2", "0002_c pending"};
        QTest::newRow("file edited after it ran: modified")
            << abc << Rows{row(1, sqlA, W0), row(2, "CREATE TABLE \"b\" ();\n", W1)}
            << QStringList{"0000_a applied 1", "0001_b modified 2", "0002_c pending"};

        const Files twins = {{QStringLiteral("0000_a"), W0, sqlA, {}},
                             {QStringLiteral("0001_custom"), W1, custom, {}},
                             {QStringLiteral("0002_custom"), W2, custom, {}}};
        QTest::newRow("identical files: each row by its created_at")
            << twins << Rows{row(1, sqlA, W0), row(2, custom, W2), row(3, custom, W1)}
            << QStringList{"0000_a applied 1", "0001_custom applied 3", "0002_custom applied 2"};
        QTest::newRow("identical files: only the second applied")
            << twins << Rows{row(1, sqlA, W0), row(2, custom, W2)}
            << QStringList{"0000_a applied 1", "0001_custom out-of-order", "0002_custom applied 2"};
        QTest::newRow("identical files: only the first applied")
            << twins << Rows{row(1, sqlA, W0), row(2, custom, W1)}
            << QStringList{"0000_a applied 1", "0001_custom applied 2", "0002_custom pending"};

        QTest::newRow("identical files, both whens changed: one row each")
            << twins << Rows{row(1, sqlA, W0), row(2, custom, W1 - 300), row(3, custom, W2 - 300)}
            << QStringList{"0000_a applied 1", "0001_custom applied 2", "0002_custom applied 3"};

        QTest::newRow("journal when changed: matched by hash")
            << abc << Rows{row(1, sqlA, W0), row(2, sqlB, W1 - 500)}
            << QStringList{"0000_a applied 1", "0001_b applied 2", "0002_c pending"};
        QTest::newRow("duplicate rows from drizzle's race: applied twice, not missing")
            << abc << Rows{row(1, sqlA, W0), row(2, sqlB, W1), row(3, sqlB, W1)}
            << QStringList{"0000_a applied 1", "0001_b applied 2,3", "0002_c pending"};
        QTest::newRow("row with no file: missing")
            << abc << Rows{row(1, sqlA, W0), row(2, "DROP TABLE \"gone\";", W0 + 500), row(3, sqlB, W1)}
            << QStringList{"0000_a applied 1", "0001_b applied 3", "0002_c pending", "- missing 2"};
        QTest::newRow("older when than the newest applied: out of order")
            << merged << Rows{row(1, sqlA, W0), row(2, sqlB, W2)}
            << QStringList{"0000_a applied 1", "0001_b applied 2", "0002_c out-of-order", "0003_d pending",
                           "0004_e pending"};
        QTest::newRow("when equal to the newest applied: out of order (drizzle compares with <)")
            << Files{{QStringLiteral("0000_a"), W0, sqlA, {}}, {QStringLiteral("0001_b"), W0, sqlB, {}}}
            << Rows{row(1, sqlA, W0)} << QStringList{"0000_a applied 1", "0001_b out-of-order"};
        QTest::newRow("NULL created_at: matched by hash")
            << abc << Rows{row(1, sqlA, std::nullopt)}
            << QStringList{"0000_a applied 1", "0001_b pending", "0002_c pending"};
        QTest::newRow("NULL created_at and an unknown hash: missing")
            << abc << Rows{row(1, sqlA, W0), row(2, "SELECT 1;", std::nullopt)}
            << QStringList{"0000_a applied 1", "0001_b pending", "0002_c pending", "- missing 2"};
    }

    void states()
    {
        QFETCH(Files, files);
        QFETCH(Rows, rows);
        QFETCH(QStringList, expected);
        const MigrationFolder folder = folderOf(files);
        QVERIFY2(!folder.hasErrors(), qPrintable(dump(folder)));
        QCOMPARE(folder.migrations().size(), files.size());
        QCOMPARE(describe(Plan::of(folder, rows), folder), expected);
    }

    void countsAndLookups()
    {
        const MigrationFolder folder = folderOf(merged);
        const Plan plan = Plan::of(folder, {row(1, sqlA, W0), row(2, "changed", W2), row(3, "SELECT 1;", W0 + 1)});
        QCOMPARE(plan.count(PlanEntry::State::Applied), 1);
        QCOMPARE(plan.count(PlanEntry::State::Modified), 1);
        QCOMPARE(plan.count(PlanEntry::State::OutOfOrder), 1);
        QCOMPARE(plan.count(PlanEntry::State::Pending), 2);
        QCOMPARE(plan.count(PlanEntry::State::Missing), 1);
        QVERIFY(plan.isApplied(0));
        QVERIFY(plan.isApplied(1));  // modified still counts as applied
        QVERIFY(!plan.isApplied(2));
        QVERIFY(!plan.isApplied(7));
        QVERIFY(plan.entryOf(7) == nullptr);
        QCOMPARE(plan.entryOf(1)->state, PlanEntry::State::Modified);
        QCOMPARE(plan.entryOf(1)->rows.first().id, 2);
        QCOMPARE(plan.highWaterMark(), std::optional<qint64>(W2));
        QVERIFY(!plan.hasNullCreatedAt());
    }

    void highWaterMarkOfAnEmptyLedger()
    {
        const MigrationFolder folder = folderOf(abc);
        const Plan plan = Plan::of(folder, {});
        QVERIFY(!plan.highWaterMark().has_value());
        QVERIFY(!plan.hasNullCreatedAt());
        QCOMPARE(plan.entries().size(), 3);
    }

    // drizzle sorts NULL first under DESC and so treats every migration as pending.
    void nullCreatedAt()
    {
        const MigrationFolder folder = folderOf(abc);
        const Plan plan = Plan::of(folder, {row(1, sqlA, W0), row(2, sqlB, std::nullopt)});
        QVERIFY(plan.hasNullCreatedAt());
        QCOMPARE(plan.highWaterMark(), std::optional<qint64>(W0));
        QVERIFY(plan.isApplied(1));
        const Plan onlyNull = Plan::of(folder, {row(1, sqlA, std::nullopt)});
        QVERIFY(onlyNull.hasNullCreatedAt());
        QVERIFY(!onlyNull.highWaterMark().has_value());
    }

    void toApply_data()
    {
        QTest::addColumn<bool>("includeOutOfOrder");
        QTest::addColumn<int>("upTo");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("pending only") << false << -1 << QList<int>{3, 4};
        QTest::newRow("with out of order") << true << -1 << QList<int>{2, 3, 4};
        QTest::newRow("with out of order, up to 0003_d") << true << 3 << QList<int>{2, 3};
        QTest::newRow("pending only, up to 0003_d") << false << 3 << QList<int>{3};
        QTest::newRow("up to the out-of-order one") << true << 2 << QList<int>{2};
        QTest::newRow("up to an applied one") << true << 1 << QList<int>{};
    }

    void toApply()
    {
        QFETCH(bool, includeOutOfOrder);
        QFETCH(int, upTo);
        QFETCH(QList<int>, expected);
        const MigrationFolder folder = folderOf(merged);
        const Plan plan = Plan::of(folder, {row(1, sqlA, W0), row(2, sqlB, W2), row(3, "SELECT 1;", W0 + 1)});
        QCOMPARE(plan.toApply(includeOutOfOrder, upTo), expected);
    }

    void appliedNewestFirst()
    {
        const MigrationFolder folder = folderOf(merged);
        // 0003_d applied (by hash, its when changed), 0001_b modified, 0000_a applied, a missing row.
        const Plan plan = Plan::of(folder, {row(1, sqlA, W0), row(2, "edited", W2), row(3, "gone", W0 + 1),
                                            row(4, sqlD, W3 + 7)});
        QCOMPARE(plan.appliedNewestFirst(), (QList<int>{3, 1, 0}));
        QCOMPARE(Plan::of(folder, {}).appliedNewestFirst(), QList<int>{});
    }

    // drizzle-kit 1.0: one folder per migration, and its table has a `name` column that
    // decides what is applied; created_at does not.
    void foldersLayoutMatchesByName()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path();
        const QStringList names = {QStringLiteral("20250101000000_init"), QStringLiteral("20250102000000_next"),
                                   QStringLiteral("20250103000000_last"), QStringLiteral("20250104000000_more")};
        const QList<QByteArray> sql = {sqlA, sqlB, sqlC, sqlD};
        for (int i = 0; i < names.size(); ++i) {
            writeFile(dir + QLatin1Char('/') + names[i] + QStringLiteral("/migration.sql"), sql[i]);
            writeFile(dir + QLatin1Char('/') + names[i] + QStringLiteral("/snapshot.json"),
                      QStringLiteral("{\"version\": \"8\", \"dialect\": \"postgres\", \"id\": \"s%1\", \"prevIds\": "
                                     "[\"%2\"], \"ddl\": [], \"renames\": []}")
                          .arg(i)
                          .arg(i == 0 ? origin : QStringLiteral("s%1").arg(i - 1))
                          .toUtf8());
        }
        const MigrationFolder folder = MigrationFolder::read(dir);
        QCOMPARE(folder.layout(), MigrationFolder::Layout::Folders);
        QVERIFY2(!folder.hasErrors(), qPrintable(dump(folder)));
        QCOMPARE(folder.migrations().size(), 4);

        const Rows rows = {
            row(1, sqlA, 42, names[0]),                                   // by name; created_at is wrong
            row(2, "edited", Q_INT64_C(9999999999999), names[1]),         // by name, other hash: modified
            row(3, "SELECT 1;", std::nullopt, QStringLiteral("20240101000000_gone")),
            row(4, sqlD, folder.migrations()[3].when),                    // no name: by created_at and hash
        };
        const Plan plan = Plan::of(folder, rows);
        // 20250103000000_last is older than the newest created_at, yet 1.0 applies it by name.
        QCOMPARE(describe(plan, folder),
                 (QStringList{"20250101000000_init applied 1", "20250102000000_next modified 2",
                              "20250103000000_last pending", "20250104000000_more applied 4", "- missing 3"}));
        QCOMPARE(plan.toApply(false), QList<int>{2});
    }
};

STRATA_TEST(PlanTest)
#include "PlanTest.moc"
