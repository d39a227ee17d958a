// Ledger: the queries for drizzle's bookkeeping table and the rows read back, for both of
// drizzle's table shapes and for schema and table names that need quoting.
#include "TestRegistry.h"

#include "lint/ParseTree.h"
#include "migrations/Ledger.h"
#include "migrations/Migration.h"

#include <QTest>

using namespace strata;

namespace {

QueryResult columnsResult(const QStringList &columns)
{
    QueryResult result({QStringLiteral("attname")}, {19});
    for (const QString &column : columns)
        result.appendRow({column});
    return result;
}

QueryResult rowsResult(const QList<QStringList> &rows)
{
    QueryResult result({QStringLiteral("id"), QStringLiteral("hash"), QStringLiteral("created_at"),
                        QStringLiteral("name"), QStringLiteral("applied_at")},
                       {23, 25, 20, 25, 25});
    for (const QStringList &r : rows)
        result.appendRow(r);
    return result;
}

Migration migration(const QString &tag, const QByteArray &hash, qint64 when)
{
    Migration m;
    m.tag = tag;
    m.hash = hash;
    m.when = when;
    return m;
}

// libpg_query reads it as one statement of this kind: the quoting holds.
bool parsesAs(const QString &sql, const QString &nodeType)
{
    const ParsedStatement parsed = ParsedStatement::parse(sql);
    if (!parsed.isValid() || parsed.nodeType() != nodeType) {
        qWarning("%s: %s %s", qPrintable(sql), qPrintable(parsed.nodeType()), qPrintable(parsed.errorMessage()));
        return false;
    }
    return true;
}

} // namespace

class LedgerTest : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        const Ledger ledger;
        QCOMPARE(ledger.schema(), QStringLiteral("drizzle"));
        QCOMPARE(ledger.table(), QStringLiteral("__drizzle_migrations"));
        QCOMPARE(ledger.qualifiedName(), QStringLiteral("\"drizzle\".\"__drizzle_migrations\""));
    }

    void shapeFrom_data()
    {
        QTest::addColumn<QStringList>("columns");
        QTest::addColumn<bool>("exists");
        QTest::addColumn<bool>("hasName");
        QTest::addColumn<bool>("hasAppliedAt");
        QTest::newRow("no table") << QStringList{} << false << false << false;
        QTest::newRow("drizzle 0.x") << QStringList{"id", "hash", "created_at"} << true << false << false;
        QTest::newRow("drizzle 1.0") << QStringList{"id", "hash", "created_at", "name", "applied_at"} << true << true
                                     << true;
        QTest::newRow("name only") << QStringList{"id", "hash", "created_at", "name"} << true << true << false;
    }

    void shapeFrom()
    {
        QFETCH(QStringList, columns);
        QFETCH(bool, exists);
        QFETCH(bool, hasName);
        QFETCH(bool, hasAppliedAt);
        const Ledger::Shape shape = Ledger::shapeFrom(columnsResult(columns));
        QCOMPARE(shape.exists, exists);
        QCOMPARE(shape.hasName, hasName);
        QCOMPARE(shape.hasAppliedAt, hasAppliedAt);
    }

    void shapeQueryPassesNamesAsParameters()
    {
        const Ledger ledger(QStringLiteral("we\"ird"), QStringLiteral("a b"));
        const Query query = ledger.shapeQuery();
        QCOMPARE(query.params, (QStringList{"we\"ird", "a b"}));
        QVERIFY(!query.sql.contains(QLatin1String("we\"ird")));
        QVERIFY(!query.sql.contains(QLatin1String("a b")));
        QVERIFY(parsesAs(query.sql, QStringLiteral("SelectStmt")));
    }

    void rowsFrom()
    {
        const Ledger::Shape old{true, false, false};
        const QList<LedgerRow> rows = Ledger::rowsFrom(
            rowsResult({{"1", "aa11", "1795505280330", QString(), QString()},
                        {"2", "bb22", QString(), QString(), QString()},
                        {"3", "cc33", "0", QString(), QString()}}),
            old);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].id, 1);
        QCOMPARE(rows[0].hash, QStringLiteral("aa11"));
        QCOMPARE(rows[0].createdAt, std::optional<qint64>(Q_INT64_C(1795505280330)));
        QVERIFY(rows[0].name.isEmpty());
        QCOMPARE(rows[1].id, 2);
        QVERIFY(!rows[1].createdAt.has_value());  // NULL, not 0
        QCOMPARE(rows[2].createdAt, std::optional<qint64>(0));

        const Ledger::Shape named{true, true, true};
        const QList<LedgerRow> namedRows = Ledger::rowsFrom(
            rowsResult({{"7", "dd44", "1763970201000", "20251124074321_clumsy_frank_castle", "2025-11-24 07:45:00+00"}}),
            named);
        QCOMPARE(namedRows.size(), 1);
        QCOMPARE(namedRows[0].id, 7);
        QCOMPARE(namedRows[0].name, QStringLiteral("20251124074321_clumsy_frank_castle"));
        QCOMPARE(namedRows[0].appliedAt, QStringLiteral("2025-11-24 07:45:00+00"));
        QCOMPARE(Ledger::rowsFrom(rowsResult({}), old), QList<LedgerRow>{});
    }

    // As drizzle-orm's migrator writes them (pg-core/dialect.js), and 1.0's two extra columns.
    void createQueries()
    {
        const Ledger ledger;
        const QList<Query> plain = ledger.createQueries(false);
        QCOMPARE(plain.size(), 2);
        QCOMPARE(plain[0].sql, QStringLiteral("CREATE SCHEMA IF NOT EXISTS \"drizzle\""));
        QCOMPARE(plain[1].sql, QStringLiteral("CREATE TABLE IF NOT EXISTS \"drizzle\".\"__drizzle_migrations\" (\n"
                                              "\t\t\tid SERIAL PRIMARY KEY,\n\t\t\thash text NOT NULL,\n"
                                              "\t\t\tcreated_at bigint\n\t\t)"));
        QVERIFY(plain[0].params.isEmpty() && plain[1].params.isEmpty());

        const QList<Query> named = ledger.createQueries(true);
        QCOMPARE(named.size(), 2);
        QCOMPARE(named[0].sql, plain[0].sql);
        QCOMPARE(named[1].sql, QStringLiteral("CREATE TABLE IF NOT EXISTS \"drizzle\".\"__drizzle_migrations\" (\n"
                                              "\t\t\tid SERIAL PRIMARY KEY,\n\t\t\thash text NOT NULL,\n"
                                              "\t\t\tcreated_at bigint,\n\t\t\tname text,\n"
                                              "\t\t\tapplied_at timestamp with time zone DEFAULT now()\n\t\t)"));
        QVERIFY(parsesAs(named[1].sql, QStringLiteral("CreateStmt")));
    }

    void readQuery()
    {
        const Ledger ledger;
        QCOMPARE(ledger.readQuery({true, false, false}).sql,
                 QStringLiteral("SELECT id, hash, created_at, NULL::text, NULL::text FROM "
                                "\"drizzle\".\"__drizzle_migrations\" ORDER BY id"));
        QCOMPARE(ledger.readQuery({true, true, true}).sql,
                 QStringLiteral("SELECT id, hash, created_at, name, applied_at::text FROM "
                                "\"drizzle\".\"__drizzle_migrations\" ORDER BY id"));
    }

    void insertAndDeleteQueries()
    {
        const Ledger ledger;
        const Migration m = migration(QStringLiteral("0003_it's"), "0123abcd", Q_INT64_C(1795505280330));
        const Query plain = ledger.insertQuery(m, {true, false, false});
        QCOMPARE(plain.sql, QStringLiteral("INSERT INTO \"drizzle\".\"__drizzle_migrations\" (\"hash\", \"created_at\") "
                                           "VALUES ($1, $2)"));
        QCOMPARE(plain.params, (QStringList{"0123abcd", "1795505280330"}));
        const Query named = ledger.insertQuery(m, {true, true, true});
        QCOMPARE(named.sql, QStringLiteral("INSERT INTO \"drizzle\".\"__drizzle_migrations\" (\"hash\", \"created_at\", "
                                           "\"name\") VALUES ($1, $2, $3)"));
        QCOMPARE(named.params, (QStringList{"0123abcd", "1795505280330", "0003_it's"}));
        const Query remove = ledger.deleteQuery(42);
        QCOMPARE(remove.sql, QStringLiteral("DELETE FROM \"drizzle\".\"__drizzle_migrations\" WHERE id = $1"));
        QCOMPARE(remove.params, QStringList{"42"});
    }

    // drizzle-kit interpolates the names unquoted; Strata doubles what needs doubling.
    void hostileNames()
    {
        const Ledger ledger(QStringLiteral("we\"ird"), QStringLiteral("a b"));
        const QString name = QStringLiteral("\"we\"\"ird\".\"a b\"");
        QCOMPARE(ledger.qualifiedName(), name);

        const QList<Query> create = ledger.createQueries(false);
        QCOMPARE(create[0].sql, QStringLiteral("CREATE SCHEMA IF NOT EXISTS \"we\"\"ird\""));
        QVERIFY(create[1].sql.startsWith(QStringLiteral("CREATE TABLE IF NOT EXISTS ") + name + QStringLiteral(" (")));
        QVERIFY(parsesAs(create[0].sql, QStringLiteral("CreateSchemaStmt")));
        QVERIFY(parsesAs(create[1].sql, QStringLiteral("CreateStmt")));

        const Query read = ledger.readQuery({true, true, true});
        QVERIFY(read.sql.contains(QStringLiteral(" FROM ") + name + QStringLiteral(" ORDER BY id")));
        QVERIFY(parsesAs(read.sql, QStringLiteral("SelectStmt")));

        const Query insert = ledger.insertQuery(migration(QStringLiteral("0000_x"), "ff", 1), {true, true, true});
        QVERIFY(insert.sql.startsWith(QStringLiteral("INSERT INTO ") + name + QStringLiteral(" (")));
        QVERIFY(parsesAs(insert.sql, QStringLiteral("InsertStmt")));

        const Query remove = ledger.deleteQuery(1);
        QCOMPARE(remove.sql, QStringLiteral("DELETE FROM ") + name + QStringLiteral(" WHERE id = $1"));
        QVERIFY(parsesAs(remove.sql, QStringLiteral("DeleteStmt")));

        const Ledger quoteOnly(QStringLiteral("\""), QStringLiteral("\"\""));
        QCOMPARE(quoteOnly.qualifiedName(), QStringLiteral("\"\"\"\".\"\"\"\"\"\""));
    }
};

STRATA_TEST(LedgerTest)
#include "LedgerTest.moc"
