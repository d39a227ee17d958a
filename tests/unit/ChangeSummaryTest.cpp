// ChangeSummary: the words at the top of a migration Strata writes.
#include "TestRegistry.h"

#include "schema/ChangeSummary.h"
#include "schema/SchemaDiff.h"

#include <QTest>

using namespace strata;

namespace {

Column column(const QString &name, const QString &type, bool notNull = false)
{
    Column c;
    c.name = name;
    c.type = type;
    c.notNull = notNull;
    return c;
}

Table table(const QString &schema, const QString &name, const QList<Column> &columns)
{
    Table t;
    t.schema = schema;
    t.name = name;
    t.columns = columns;
    return t;
}

} // namespace

class ChangeSummaryTest : public QObject
{
    Q_OBJECT

private slots:
    void phrasesNameWhatChanges()
    {
        Schema from;
        from.tables << table(QStringLiteral("public"), QStringLiteral("users"),
                             {column(QStringLiteral("id"), QStringLiteral("integer"), true),
                              column(QStringLiteral("legacy"), QStringLiteral("text"))});
        Schema to;
        to.tables << table(QStringLiteral("public"), QStringLiteral("users"),
                           {column(QStringLiteral("id"), QStringLiteral("bigint"), true),
                            column(QStringLiteral("email"), QStringLiteral("text"))})
                  << table(QStringLiteral("crm"), QStringLiteral("we\"ird"), {column(QStringLiteral("x"), QStringLiteral("integer"))});
        to.schemas << QStringLiteral("crm");
        const QStringList phrases = ChangeSummary::phrases(SchemaDiff::compare(from, to));
        QCOMPARE(phrases, (QStringList{
                              QStringLiteral("creates schema \"crm\""),
                              QStringLiteral("creates table \"crm\".\"we\"\"ird\""),
                              QStringLiteral("changes the type of \"users\".\"id\" to bigint"),
                              QStringLiteral("adds column \"users\".\"email\""),
                              QStringLiteral("drops column \"users\".\"legacy\" (data loss)"),
                          }));
    }

    void commentLinesWrapAndStop()
    {
        Schema to;
        for (int i = 0; i < 12; ++i)
            to.tables << table(QStringLiteral("public"), QStringLiteral("table_%1").arg(i), {column(QStringLiteral("x"), QStringLiteral("text"))});
        const QStringList lines = ChangeSummary::commentLines(SchemaDiff::compare(Schema(), to), 60, 10);
        QVERIFY(lines.size() > 1);
        for (const QString &line : lines) {
            QVERIFY2(line.startsWith(QLatin1String("-- ")), qPrintable(line));
            QVERIFY2(line.size() <= 60, qPrintable(line));
        }
        QCOMPARE(lines.first(), QStringLiteral("-- creates table \"table_0\"; creates table \"table_1\";"));
        QVERIFY2(lines.last().endsWith(QLatin1String("and 2 more change(s).")), qPrintable(lines.last()));
    }
};

STRATA_TEST(ChangeSummaryTest)
#include "ChangeSummaryTest.moc"
