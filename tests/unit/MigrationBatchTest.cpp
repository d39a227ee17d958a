// MigrationBatch: what a run sends and where its transactions begin and commit, built from
// a folder without a server: modes, statements that cannot run in a transaction, a file's
// own BEGIN/COMMIT, enum values used later in the run, the bookkeeping rows, the SQL shown,
// and down batches.
#include "MigrationFolderFixtures.h"
#include "TestRegistry.h"

#include "migrations/Ledger.h"
#include "migrations/MigrationBatch.h"
#include "migrations/MigrationFolder.h"
#include "migrations/Plan.h"

#include <QTemporaryDir>
#include <QTest>

using namespace strata;
using namespace strata::test::folders;

namespace {

constexpr qint64 W0 = Q_INT64_C(1795505280000);
constexpr qint64 W1 = W0 + 1000;
constexpr qint64 W2 = W0 + 2000;

const Ledger::Shape oldShape{true, false, false};
const Ledger::Shape namedShape{true, true, true};

QList<int> all(const MigrationFolder &folder)
{
    QList<int> out;
    for (int i = 0; i < folder.migrations().size(); ++i)
        out.append(i);
    return out;
}

QList<bool> commits(const MigrationBatch &batch)
{
    QList<bool> out;
    for (const BatchMigration &m : batch.migrations())
        out.append(m.commitAfter);
    return out;
}

QString insertLine(const QByteArray &sql, qint64 when)
{
    return QStringLiteral("INSERT INTO \"drizzle\".\"__drizzle_migrations\" (\"hash\", \"created_at\") VALUES ('%1', '%2');\n")
        .arg(sha256Hex(sql))
        .arg(when);
}

LedgerRow row(qint64 id, const QByteArray &sql, qint64 createdAt)
{
    LedgerRow r;
    r.id = id;
    r.hash = sha256Hex(sql);
    r.createdAt = createdAt;
    return r;
}

} // namespace

Q_DECLARE_METATYPE(strata::TransactionMode)

class MigrationBatchTest : public QObject
{
    Q_OBJECT

    ScratchJournalFolder m_scratch;  // lives as long as the test function

    // Migrations 0000_a, 0001_b, … with these SQL texts, a second apart.
    MigrationFolder folderOf(const QList<QByteArray> &sql, const QList<QByteArray> &down = {})
    {
        QList<SqlFile> files;
        for (int i = 0; i < sql.size(); ++i) {
            files.append({QStringLiteral("%1_%2").arg(i, 4, 10, QLatin1Char('0')).arg(QChar(u'a' + i)), W0 + 1000 * i,
                          sql[i], down.value(i)});
        }
        return folderOfFiles(files);
    }

    MigrationFolder folderOfFiles(const QList<SqlFile> &files)
    {
        return m_scratch.write(files);
    }

private slots:
    void cleanup() { m_scratch.clear(); }

    void modes_data()
    {
        QTest::addColumn<TransactionMode>("mode");
        QTest::addColumn<QList<bool>>("commitAfter");
        QTest::newRow("all: one transaction, as drizzle") << TransactionMode::All << QList<bool>{false, false, true};
        QTest::newRow("each: one per migration") << TransactionMode::Each << QList<bool>{true, true, true};
    }

    void modes()
    {
        QFETCH(TransactionMode, mode);
        QFETCH(QList<bool>, commitAfter);
        const MigrationFolder folder = folderOf({"CREATE TABLE \"t\" (\"id\" integer);\n--> statement-breakpoint\n"
                                                 "CREATE TABLE \"u\" (\"id\" integer);\n",
                                                 "ALTER TABLE \"t\" ADD COLUMN \"x\" integer;",
                                                 "ALTER TABLE \"u\" ADD COLUMN \"y\" integer;"});
        const MigrationBatch batch = MigrationBatch::up(folder, all(folder), Ledger(), oldShape, mode);
        QCOMPARE(batch.direction(), MigrationBatch::Direction::Up);
        QVERIFY(batch.refusal().isEmpty());
        QCOMPARE(batch.tags(), (QStringList{"0000_a", "0001_b", "0002_c"}));
        QCOMPARE(batch.statementCount(), 4);
        QCOMPARE(commits(batch), commitAfter);
        for (const BatchMigration &m : batch.migrations()) {
            QVERIFY(m.commitReason.isEmpty());
            QCOMPARE(m.ledger.size(), 1);
            for (const BatchStatement &s : m.statements) {
                QVERIFY(!s.standalone);
                QCOMPARE(s.control, BatchStatement::Control::None);
            }
        }
        const BatchMigration &first = batch.migrations().first();
        QCOMPARE(first.file, QStringLiteral("0000_a.sql"));
        QCOMPARE(first.statements[1].piece, 1);
        QCOMPARE(first.statements[1].statement, 0);
        QCOMPARE(first.statements[1].sql, QStringLiteral("CREATE TABLE \"u\" (\"id\" integer)"));
        QCOMPARE(first.statements[1].start.line, 3);
        QCOMPARE(first.statements[1].start.column, 1);

        // Only what is asked for, in the order given.
        const MigrationBatch part = MigrationBatch::up(folder, {2}, Ledger(), oldShape, mode);
        QCOMPARE(part.tags(), QStringList{"0002_c"});
        QCOMPARE(commits(part), QList<bool>{true});
        QVERIFY(MigrationBatch::up(folder, {}, Ledger(), oldShape, mode).isEmpty());
    }

    void concurrentIndexRunsAlone()
    {
        const QByteArray a = "CREATE TABLE \"t\" (\"id\" integer);\n--> statement-breakpoint\n"
                             "CREATE INDEX CONCURRENTLY \"i\" ON \"t\" (\"id\");\n";
        const QByteArray b = "ALTER TABLE \"t\" ADD COLUMN \"x\" integer;";
        const MigrationFolder folder = folderOf({a, b});
        const MigrationBatch batch = MigrationBatch::up(folder, all(folder), Ledger(), oldShape, TransactionMode::All);
        QVERIFY(batch.refusal().isEmpty());
        const BatchMigration &first = batch.migrations()[0];
        QCOMPARE(first.statements.size(), 2);
        QVERIFY(!first.statements[0].standalone);
        QVERIFY(first.statements[1].standalone);
        QVERIFY(first.commitAfter);
        QVERIFY2(first.commitReason.contains(QLatin1String("transaction block")), qPrintable(first.commitReason));
        QCOMPARE(commits(batch), (QList<bool>{true, true}));
        QVERIFY(batch.migrations()[1].commitReason.isEmpty());

        QCOMPARE(batch.sqlText(),
                 QStringLiteral("-- 0000_a (0000_a.sql)\n"
                                "BEGIN;\n"
                                "CREATE TABLE \"t\" (\"id\" integer);\n"
                                "COMMIT;\n"
                                "-- outside a transaction:\n"
                                "CREATE INDEX CONCURRENTLY \"i\" ON \"t\" (\"id\");\n"
                                "BEGIN;\n")
                     + insertLine(a, W0)
                     + QStringLiteral("COMMIT;\n"
                                      "-- 0001_b (0001_b.sql)\n"
                                      "BEGIN;\n"
                                      "ALTER TABLE \"t\" ADD COLUMN \"x\" integer;\n")
                     + insertLine(b, W1) + QStringLiteral("COMMIT;\n"));
    }

    void ownBeginAndCommit()
    {
        const QByteArray a = "CREATE TABLE \"t\" (\"id\" integer);\nCOMMIT;\nCREATE INDEX CONCURRENTLY \"i\" ON \"t\" (\"id\");\n"
                             "BEGIN;\nALTER TABLE \"t\" ADD COLUMN \"x\" integer;\n";
        const MigrationFolder folder = folderOf({a, "SELECT 1;"});
        const MigrationBatch batch = MigrationBatch::up(folder, all(folder), Ledger(), oldShape, TransactionMode::All);
        QVERIFY2(batch.refusal().isEmpty(), qPrintable(batch.refusal()));
        const BatchMigration &first = batch.migrations()[0];
        QCOMPARE(first.statements.size(), 5);
        QList<BatchStatement::Control> controls;
        for (const BatchStatement &s : first.statements)
            controls.append(s.control);
        QCOMPARE(controls, (QList<BatchStatement::Control>{BatchStatement::Control::None, BatchStatement::Control::Commit,
                                                            BatchStatement::Control::None, BatchStatement::Control::Begin,
                                                            BatchStatement::Control::None}));
        QVERIFY(first.statements[2].standalone);
        QCOMPARE(first.statements[3].start.line, 4);
        QVERIFY(first.commitAfter);
        QVERIFY2(first.commitReason.contains(QLatin1String("BEGIN/COMMIT")), qPrintable(first.commitReason));

        QCOMPARE(batch.sqlText(),
                 QStringLiteral("-- 0000_a (0000_a.sql)\n"
                                "BEGIN;\n"
                                "CREATE TABLE \"t\" (\"id\" integer);\n"
                                "COMMIT;\n"
                                "-- outside a transaction:\n"
                                "CREATE INDEX CONCURRENTLY \"i\" ON \"t\" (\"id\");\n"
                                "BEGIN;\n"
                                "ALTER TABLE \"t\" ADD COLUMN \"x\" integer;\n")
                     + insertLine(a, W0)
                     + QStringLiteral("COMMIT;\n"
                                      "-- 0001_b (0001_b.sql)\n"
                                      "BEGIN;\n"
                                      "SELECT 1;\n")
                     + insertLine("SELECT 1;", W1) + QStringLiteral("COMMIT;\n"));
    }

    void refusesTransactionStatementsItCannotFollow_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("named");
        QTest::newRow("rollback") << QByteArray("CREATE TABLE \"t\" (\"id\" integer);\n\nROLLBACK;\n")
                                  << QStringLiteral("line 3: ROLLBACK");
        QTest::newRow("savepoint") << QByteArray("SELECT 1;\n--> statement-breakpoint\nSAVEPOINT x;\nSELECT 2;")
                                   << QStringLiteral("line 3: SAVEPOINT x");
        QTest::newRow("commit and chain") << QByteArray("COMMIT AND CHAIN;") << QStringLiteral("line 1: COMMIT AND CHAIN");
        QTest::newRow("rollback to savepoint") << QByteArray("SELECT 1;\n  ROLLBACK TO SAVEPOINT x;")
                                               << QStringLiteral("line 2: ROLLBACK TO SAVEPOINT x");
    }

    void refusesTransactionStatementsItCannotFollow()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QString, named);
        const MigrationFolder folder = folderOf({"SELECT 0;", sql});
        const MigrationBatch batch = MigrationBatch::up(folder, all(folder), Ledger(), oldShape, TransactionMode::All);
        QVERIFY(!batch.refusal().isEmpty());
        QVERIFY2(batch.refusal().startsWith(QLatin1String("0001_b.sql: ")), qPrintable(batch.refusal()));
        QVERIFY2(batch.refusal().contains(named), qPrintable(batch.refusal()));

        // BEGIN and COMMIT alone are understood.
        const MigrationFolder fine = folderOf({"SELECT 0;", "COMMIT;\nBEGIN;\nSELECT 1;"});
        QVERIFY(MigrationBatch::up(fine, all(fine), Ledger(), oldShape, TransactionMode::All).refusal().isEmpty());
    }

    void enumValueUsedLater_data()
    {
        QTest::addColumn<QByteArray>("adds");
        QTest::addColumn<QList<QByteArray>>("later");
        QTest::addColumn<bool>("commits");

        const QByteArray addX = "ALTER TYPE \"role\" ADD VALUE 'x';";
        QTest::newRow("used as a default") << addX
                                           << QList<QByteArray>{"ALTER TABLE \"users\" ALTER COLUMN \"role\" SET DEFAULT 'x';"}
                                           << true;
        QTest::newRow("used two migrations later")
            << addX << QList<QByteArray>{"SELECT 1;", "UPDATE \"users\" SET \"role\" = 'x';"} << true;
        QTest::newRow("a new enum with the same label") << addX << QList<QByteArray>{"CREATE TYPE \"other\" AS ENUM('x');"}
                                                        << false;
        QTest::newRow("the label as a neighbour of another new one")
            << addX << QList<QByteArray>{"ALTER TYPE \"role\" ADD VALUE 'y' BEFORE 'x';"} << false;
        QTest::newRow("another label") << addX << QList<QByteArray>{"UPDATE \"users\" SET \"role\" = 'xx';"} << false;
        QTest::newRow("not used") << addX << QList<QByteArray>{"SELECT 1;"} << false;
        QTest::newRow("label with a quote")
            << QByteArray("ALTER TYPE \"role\" ADD VALUE 'it''s';")
            << QList<QByteArray>{"ALTER TABLE \"users\" ALTER COLUMN \"role\" SET DEFAULT 'it''s';"} << true;
        QTest::newRow("if not exists") << QByteArray("ALTER TYPE \"role\" ADD VALUE IF NOT EXISTS 'x' AFTER 'a';")
                                       << QList<QByteArray>{"UPDATE \"users\" SET \"role\" = 'x';"} << true;
    }

    void enumValueUsedLater()
    {
        QFETCH(QByteArray, adds);
        QFETCH(QList<QByteArray>, later);
        QFETCH(bool, commits);
        const MigrationFolder folder = folderOf(QList<QByteArray>{adds} + later);
        const MigrationBatch batch = MigrationBatch::up(folder, all(folder), Ledger(), oldShape, TransactionMode::All);
        const BatchMigration &first = batch.migrations().first();
        QCOMPARE(first.commitAfter, commits);
        QCOMPARE(!first.commitReason.isEmpty(), commits);
        if (commits) {
            QVERIFY2(first.commitReason.contains(batch.migrations().last().tag), qPrintable(first.commitReason));
            QVERIFY2(first.commitReason.contains(QLatin1String("enum value")), qPrintable(first.commitReason));
        }
        for (int i = 1; i + 1 < batch.migrations().size(); ++i)
            QVERIFY(!batch.migrations()[i].commitAfter);
        // The adding statement stays in the transaction (PostgreSQL 12 and later).
        QVERIFY(!first.statements.first().standalone);
        QVERIFY(!first.statements.first().addsEnumValue.isEmpty());
        QVERIFY(first.statements.first().definesEnum);

        // In mode Each every migration commits anyway: nothing to explain.
        const MigrationBatch each = MigrationBatch::up(folder, all(folder), Ledger(), oldShape, TransactionMode::Each);
        QVERIFY(each.migrations().first().commitAfter);
        QVERIFY(each.migrations().first().commitReason.isEmpty());
    }

    // Before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all.
    void addValueBeforePostgres12IsStandalone()
    {
        const MigrationFolder folder = folderOf({"ALTER TYPE \"role\" ADD VALUE 'x';", "SELECT 1;"});
        const MigrationBatch old = MigrationBatch::up(folder, all(folder), Ledger(), oldShape, TransactionMode::All, 110000);
        QVERIFY(old.migrations()[0].statements[0].standalone);
        const MigrationBatch current = MigrationBatch::up(folder, all(folder), Ledger(), oldShape, TransactionMode::All, 150000);
        QVERIFY(!current.migrations()[0].statements[0].standalone);
    }

    void unreadablePieceIsSentWhole()
    {
        const MigrationFolder folder = folderOf({"CREATE TABLE \"t\" (\"id\" integer);\n--> statement-breakpoint\n"
                                                 "CREATE TABLEE \"oops\";\nSELECT 1;\n"});
        const MigrationBatch batch = MigrationBatch::up(folder, all(folder), Ledger(), oldShape, TransactionMode::All);
        const BatchMigration &first = batch.migrations().first();
        QCOMPARE(first.statements.size(), 2);
        QCOMPARE(first.statements[0].statement, 0);
        const BatchStatement &whole = first.statements[1];
        QCOMPARE(whole.piece, 1);
        QCOMPARE(whole.statement, -1);
        QCOMPARE(whole.sql, first.script.pieces[1].text);
        QVERIFY(whole.sql.contains(QLatin1String("CREATE TABLEE \"oops\";\nSELECT 1;")));
        QCOMPARE(whole.start.line, 2);
        QVERIFY(!whole.standalone);
        QCOMPARE(whole.control, BatchStatement::Control::None);
        QVERIFY(batch.refusal().isEmpty());
    }

    void ledgerQueries()
    {
        const QByteArray a = "SELECT 1;";
        const MigrationFolder folder = folderOf({a, "SELECT 2;"});
        const Ledger ledger;
        const MigrationBatch plain = MigrationBatch::up(folder, {0}, ledger, oldShape, TransactionMode::All);
        QCOMPARE(plain.migrations()[0].ledger.size(), 1);
        const Query insert = plain.migrations()[0].ledger[0];
        QCOMPARE(insert.sql, ledger.insertQuery(folder.migrations()[0], oldShape).sql);
        QVERIFY(insert.sql.contains(QLatin1String("VALUES ($1, $2)")));
        QCOMPARE(insert.params, (QStringList{sha256Hex(a), QString::number(W0)}));

        const MigrationBatch named = MigrationBatch::up(folder, {0}, ledger, namedShape, TransactionMode::All);
        const Query namedInsert = named.migrations()[0].ledger[0];
        QVERIFY(namedInsert.sql.contains(QLatin1String("(\"hash\", \"created_at\", \"name\") VALUES ($1, $2, $3)")));
        QCOMPARE(namedInsert.params, (QStringList{sha256Hex(a), QString::number(W0), QStringLiteral("0000_a")}));
    }

    // sqlText() shows the values as literals, each quote doubled, and only where $n stands.
    void sqlTextShowsValuesAsLiterals_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("insert");
        QTest::newRow("quote in the tag") << QStringLiteral("0000_it's") << QStringLiteral("drizzle")
                                          << QStringLiteral("INSERT INTO \"drizzle\".\"__drizzle_migrations\" (\"hash\", "
                                                            "\"created_at\", \"name\") VALUES ('%1', '%2', '0000_it''s');");
        QTest::newRow("$1 in the tag") << QStringLiteral("0000_cost_$1") << QStringLiteral("drizzle")
                                       << QStringLiteral("INSERT INTO \"drizzle\".\"__drizzle_migrations\" (\"hash\", "
                                                         "\"created_at\", \"name\") VALUES ('%1', '%2', '0000_cost_$1');");
        QTest::newRow("$2 in the schema") << QStringLiteral("0000_a") << QStringLiteral("s$2")
                                          << QStringLiteral("INSERT INTO \"s$2\".\"__drizzle_migrations\" (\"hash\", "
                                                            "\"created_at\", \"name\") VALUES ('%1', '%2', '0000_a');");
    }

    void sqlTextShowsValuesAsLiterals()
    {
        QFETCH(QString, tag);
        QFETCH(QString, schema);
        QFETCH(QString, insert);
        const QByteArray sql = "SELECT 1;";
        const MigrationFolder folder = folderOfFiles(QList<SqlFile>{{tag, W0, sql, {}}});
        QCOMPARE(folder.migrations().size(), 1);
        const MigrationBatch batch = MigrationBatch::up(folder, {0}, Ledger(schema), namedShape, TransactionMode::All);
        const QString hash = sha256Hex(sql);
        QVERIFY(!hash.contains(QLatin1Char('\'')));
        QCOMPARE(batch.sqlText(), QStringLiteral("-- %1 (%1.sql)\nBEGIN;\nSELECT 1;\n").arg(tag)
                                      + insert.arg(hash).arg(W0) + QStringLiteral("\nCOMMIT;\n"));
    }

    void down()
    {
        const QByteArray a = "CREATE TABLE \"t\" (\"id\" integer);";
        const QByteArray b = "ALTER TABLE \"t\" ADD COLUMN \"x\" integer;";
        const QByteArray c = "CREATE INDEX \"i\" ON \"t\" (\"id\");";
        const QByteArray downB = "ALTER TABLE \"t\" DROP COLUMN \"x\";\n--> statement-breakpoint\nSELECT 2;\n";
        const QByteArray downC = "DROP INDEX \"i\";\n";
        const MigrationFolder folder = folderOf({a, b, c}, {QByteArray(), downB, downC});
        QVERIFY(folder.migrations()[1].hasDown);
        QCOMPARE(folder.migrations()[1].downFile, QStringLiteral("0001_b.down.sql"));
        // 0001_b was recorded twice (drizzle has no lock): both rows go.
        const Plan plan = Plan::of(folder, {row(1, a, W0), row(2, b, W1), row(3, b, W1), row(4, c, W2)});
        const Ledger ledger;

        QString error;
        const std::optional<MigrationBatch> batch = MigrationBatch::down(folder, plan, {2, 1}, ledger, &error);
        QVERIFY2(batch.has_value(), qPrintable(error));
        QCOMPARE(batch->direction(), MigrationBatch::Direction::Down);
        QVERIFY(batch->refusal().isEmpty());
        QCOMPARE(batch->tags(), (QStringList{"0002_c", "0001_b"}));
        QCOMPARE(commits(*batch), (QList<bool>{false, true}));
        const BatchMigration &undoB = batch->migrations()[1];
        QCOMPARE(undoB.file, QStringLiteral("0001_b.down.sql"));
        QCOMPARE(undoB.statements.size(), 2);
        QCOMPARE(undoB.statements[0].sql, QStringLiteral("ALTER TABLE \"t\" DROP COLUMN \"x\""));
        QCOMPARE(undoB.statements[1].start.line, 3);
        QCOMPARE(undoB.ledger.size(), 2);
        QCOMPARE(undoB.ledger[0].sql, ledger.deleteQuery(2).sql);
        QCOMPARE(undoB.ledger[0].params, QStringList{"2"});
        QCOMPARE(undoB.ledger[1].params, QStringList{"3"});
        QCOMPARE(batch->migrations()[0].ledger.size(), 1);
        QCOMPARE(batch->migrations()[0].ledger[0].params, QStringList{"4"});

        QCOMPARE(batch->sqlText(),
                 QStringLiteral("-- undo 0002_c (0002_c.down.sql)\nBEGIN;\nDROP INDEX \"i\";\n"
                                "DELETE FROM \"drizzle\".\"__drizzle_migrations\" WHERE id = '4';\n"
                                "-- undo 0001_b (0001_b.down.sql)\nALTER TABLE \"t\" DROP COLUMN \"x\";\nSELECT 2;\n"
                                "DELETE FROM \"drizzle\".\"__drizzle_migrations\" WHERE id = '2';\n"
                                "DELETE FROM \"drizzle\".\"__drizzle_migrations\" WHERE id = '3';\nCOMMIT;\n"));
    }

    // 0000_a has no down file, and its snapshot equals the one before: only its author can undo it.
    void downRefusesWithoutDownSql()
    {
        const QByteArray a = "CREATE TABLE \"t\" (\"id\" integer);";
        const QByteArray b = "SELECT 1;";
        const MigrationFolder folder = folderOf({a, b}, {QByteArray(), QByteArray("SELECT 2;")});
        const Plan plan = Plan::of(folder, {row(1, a, W0), row(2, b, W1)});
        QString error;
        QVERIFY(!MigrationBatch::down(folder, plan, {1, 0}, Ledger(), &error).has_value());
        QVERIFY2(error.contains(QLatin1String("0000_a")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("0000_a.down.sql")), qPrintable(error));
        error.clear();
        QVERIFY(MigrationBatch::down(folder, plan, {1}, Ledger(), &error).has_value());
        QVERIFY(error.isEmpty());
    }
};

STRATA_TEST(MigrationBatchTest)
#include "MigrationBatchTest.moc"
