// SqlRenames: the renames and moves a migration's SQL performs, one row per statement form
// drizzle-kit writes (and a few it does not), with statements that must not count.
#include "TestRegistry.h"

#include "lint/SqlRenames.h"

#include <QTest>

using namespace strata;
using Name = RenameDecisions::Name;
using Rename = RenameDecisions::Rename;

Q_DECLARE_METATYPE(QList<Rename>)

namespace {

QString show(const QList<Rename> &renames)
{
    QStringList parts;
    for (const Rename &r : renames) {
        parts << QStringLiteral("%1.%2.%3 -> %4.%5.%6")
                     .arg(r.from.schema, r.from.table, r.from.name, r.to.schema, r.to.table, r.to.name);
    }
    return parts.join(QStringLiteral("; "));
}

Rename object(const QString &fromSchema, const QString &from, const QString &toSchema, const QString &to)
{
    return Rename{Name{fromSchema, QString(), from}, Name{toSchema, QString(), to}};
}

Rename inTable(const QString &schema, const QString &table, const QString &from, const QString &to)
{
    return Rename{Name{schema, table, from}, Name{schema, table, to}};
}

Rename named(const QString &from, const QString &to)
{
    return Rename{Name{QString(), QString(), from}, Name{QString(), QString(), to}};
}

} // namespace

class SqlRenamesTest : public QObject
{
    Q_OBJECT

private slots:
    void renames_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QList<Rename>>("expected");
        const QString pub = QStringLiteral("public");
        QTest::newRow("table") << QStringLiteral("ALTER TABLE \"users\" RENAME TO \"accounts\";") << "tables"
                               << QList<Rename>{object(pub, "users", pub, "accounts")};
        QTest::newRow("table moved") << QStringLiteral("ALTER TABLE \"users\" SET SCHEMA \"auth\";") << "tables"
                                     << QList<Rename>{object(pub, "users", "auth", "users")};
        QTest::newRow("table moved then renamed is one decision")
            << QStringLiteral("ALTER TABLE \"a\" SET SCHEMA \"s\";\n--> statement-breakpoint\nALTER TABLE \"s\".\"a\" RENAME TO \"b\";")
            << "tables" << QList<Rename>{object(pub, "a", "s", "b")};
        QTest::newRow("column") << QStringLiteral("ALTER TABLE \"users\" RENAME COLUMN \"name\" TO \"full name\";")
                                << "columns" << QList<Rename>{inTable(pub, "users", "name", "full name")};
        QTest::newRow("column twice is one decision")
            << QStringLiteral("ALTER TABLE t RENAME COLUMN a TO b; ALTER TABLE t RENAME COLUMN b TO c;") << "columns"
            << QList<Rename>{inTable(pub, "t", "a", "c")};
        QTest::newRow("enum") << QStringLiteral("ALTER TYPE \"public\".\"mood\" RENAME TO \"feeling\";") << "enums"
                              << QList<Rename>{object(pub, "mood", pub, "feeling")};
        QTest::newRow("enum moved") << QStringLiteral("ALTER TYPE \"public\".\"mood\" SET SCHEMA \"other\";") << "enums"
                                    << QList<Rename>{object(pub, "mood", "other", "mood")};
        QTest::newRow("sequence") << QStringLiteral("ALTER SEQUENCE \"s\".\"n\" RENAME TO \"m\";") << "sequences"
                                  << QList<Rename>{object("s", "n", "s", "m")};
        QTest::newRow("view") << QStringLiteral("ALTER VIEW \"v\" RENAME TO \"w\";") << "views"
                              << QList<Rename>{object(pub, "v", pub, "w")};
        QTest::newRow("materialized view moved") << QStringLiteral("ALTER MATERIALIZED VIEW \"v\" SET SCHEMA \"x\";")
                                                 << "views" << QList<Rename>{object(pub, "v", "x", "v")};
        QTest::newRow("schema") << QStringLiteral("ALTER SCHEMA \"old\" RENAME TO \"new\";") << "schemas"
                                << QList<Rename>{named("old", "new")};
        QTest::newRow("role") << QStringLiteral("ALTER ROLE \"a\" RENAME TO \"b\";") << "roles"
                              << QList<Rename>{named("a", "b")};
        QTest::newRow("policy") << QStringLiteral("ALTER POLICY \"p\" ON \"s\".\"t\" RENAME TO \"q\";") << "policies"
                                << QList<Rename>{inTable("s", "t", "p", "q")};
        QTest::newRow("hostile names") << QStringLiteral("ALTER TABLE \"we\"\"ird\" RENAME TO \"x.y\";") << "tables"
                                       << QList<Rename>{object(pub, "we\"ird", pub, "x.y")};
        // Not renames: other statements, a string that looks like one, a statement that does not parse.
        QTest::newRow("no rename") << QStringLiteral("ALTER TABLE t ADD COLUMN x int; SELECT 'ALTER TABLE a RENAME TO b';")
                                   << "tables" << QList<Rename>{};
        QTest::newRow("comment") << QStringLiteral("-- ALTER TABLE a RENAME TO b;\nSELECT 1;") << "tables" << QList<Rename>{};
        QTest::newRow("syntax error") << QStringLiteral("ALTER TABLE RENAME TO b;") << "tables" << QList<Rename>{};
    }

    // Columns and policies name their table as it is after the whole text.
    void columnsFollowTheirTable()
    {
        const RenameDecisions decisions = SqlRenames::fromSql(QStringLiteral(
            "ALTER TABLE \"users\" RENAME COLUMN \"a\" TO \"b\";ALTER TABLE \"users\" RENAME TO \"people\";"
            "ALTER TABLE \"people\" SET SCHEMA \"crm\";"));
        QCOMPARE(show(decisions.tables), QStringLiteral("public..users -> crm..people"));
        QCOMPARE(show(decisions.columns), QStringLiteral("crm.people.a -> crm.people.b"));
    }

    void renames()
    {
        QFETCH(QString, sql);
        QFETCH(QString, kind);
        QFETCH(QList<Rename>, expected);
        const RenameDecisions decisions = SqlRenames::fromSql(sql);
        const QList<Rename> *lists[] = {&decisions.schemas, &decisions.tables, &decisions.columns, &decisions.enums,
                                        &decisions.sequences, &decisions.views, &decisions.policies, &decisions.roles};
        const QStringList kinds = {"schemas", "tables", "columns", "enums", "sequences", "views", "policies", "roles"};
        for (int i = 0; i < kinds.size(); ++i) {
            const QList<Rename> wanted = kinds.at(i) == kind ? expected : QList<Rename>{};
            QVERIFY2(*lists[i] == wanted, qPrintable(QStringLiteral("%1: got %2, want %3")
                                                         .arg(kinds.at(i), show(*lists[i]), show(wanted))));
        }
    }
};

STRATA_TEST(SqlRenamesTest)
#include "SqlRenamesTest.moc"
