// LinkFilters: the filters a foreign-key jump opens, for one and several columns, with NULLs.
#include "TestRegistry.h"

#include "data/LinkFilters.h"

#include <QTest>

using namespace strata;

namespace {

RelationInfo orderLines()
{
    RelationInfo info;
    info.schema = QStringLiteral("public");
    info.name = QStringLiteral("order_lines");
    for (const char *name : {"order_id", "line", "product_region", "product_code"}) {
        RelationColumn column;
        column.name = QString::fromLatin1(name);
        info.columns << column;
    }
    info.foreignKeys << RelationLink{QStringLiteral("lines_product_fk"), {QStringLiteral("product_region"), QStringLiteral("product_code")},
                                     QStringLiteral("shop"), QStringLiteral("products"), {QStringLiteral("region"), QStringLiteral("code")}};
    info.referencedBy << RelationLink{QStringLiteral("notes_line_fk"), {QStringLiteral("order_id"), QStringLiteral("line")},
                                      QStringLiteral("public"), QStringLiteral("line notes"), {QStringLiteral("o\"id"), QStringLiteral("l")}};
    return info;
}

} // namespace

class LinkFiltersTest : public QObject
{
    Q_OBJECT

private slots:
    void referencedRowByEveryKeyColumn()
    {
        const RelationInfo info = orderLines();
        const auto filters = LinkFilters::referenced(info, info.foreignKeys.first(), {"7", "1", "eu", "O'Hara"});
        QVERIFY(filters);
        QCOMPARE(*filters, (QList<RowFilter>{{QStringLiteral("region"), RowFilter::Op::Equals, {QStringLiteral("eu")}},
                                             {QStringLiteral("code"), RowFilter::Op::Equals, {QStringLiteral("O'Hara")}}}));
    }

    void nullReferencePointsNowhere()
    {
        const RelationInfo info = orderLines();
        QVERIFY(!LinkFilters::referenced(info, info.foreignKeys.first(), {"7", "1", QString(), "x"}));
        // An empty string is a value, not NULL.
        QVERIFY(LinkFilters::referenced(info, info.foreignKeys.first(), {"7", "1", "", "x"}));
    }

    void referencingRowsMatchTheKey()
    {
        const RelationInfo info = orderLines();
        QCOMPARE(LinkFilters::referencing(info, info.referencedBy.first(), {"7", QString(), "eu", "x"}),
                 (QList<RowFilter>{{QStringLiteral("o\"id"), RowFilter::Op::Equals, {QStringLiteral("7")}},
                                   {QStringLiteral("l"), RowFilter::Op::IsNull, {}}}));
    }
};

STRATA_TEST(LinkFiltersTest)
#include "LinkFiltersTest.moc"
