#include "BrowseQuery.h"

#include "schema/SqlQuote.h"

namespace strata {

namespace {

QList<OrderTerm> orderTerms(const RelationInfo &relation, const QList<SortColumn> &sort)
{
    QList<OrderTerm> order;
    QStringList sorted;
    for (const SortColumn &s : sort) {
        const int index = relation.columnIndex(s.column);
        if (index < 0 || sorted.contains(s.column))
            continue;
        sorted << s.column;
        const QString expression = SqlQuote::identifier(s.column);
        const bool notNull = relation.columns[index].notNull;
        order << (s.descending ? OrderTerm::descendingTerm(expression, notNull)
                               : OrderTerm::ascending(expression, notNull));
    }
    // A unique key last, so that "after this row" means exactly one place.
    if (!relation.primaryKey.isEmpty()) {
        for (const QString &column : relation.primaryKey) {
            if (!sorted.contains(column))
                order << OrderTerm::ascending(SqlQuote::identifier(column), true);
        }
    } else if (relation.kind == u'p') {
        order << OrderTerm::ascending(QStringLiteral("tableoid"), true)
              << OrderTerm::ascending(QStringLiteral("ctid"), true);
    } else if (relation.hasCtid()) {
        order << OrderTerm::ascending(QStringLiteral("ctid"), true);
    }
    return order;
}

bool hasUniqueKey(const RelationInfo &relation)
{
    return !relation.primaryKey.isEmpty() || relation.hasCtid() || relation.kind == u'p';
}

} // namespace

BrowseQuery BrowseQuery::build(const RelationInfo &relation, const QList<SortColumn> &sort,
                               const QString &where, const QStringList &params)
{
    BrowseQuery query;
    QStringList select;
    for (const RelationColumn &column : relation.columns)
        select << SqlQuote::identifier(column.name);
    query.columnCount = int(select.size());
    if (relation.isTable()) {
        query.xminIndex = int(select.size());
        select << QStringLiteral("xmin::text");
    }
    QList<OrderTerm> order = orderTerms(relation, sort);
    query.pagesByOffset = !hasUniqueKey(relation);
    query.keyset = KeysetQuery(relation.qualifiedName(), select.join(QStringLiteral(", ")), order, where, params);

    if (query.pagesByOffset || order.isEmpty()) {
        query.landing.mode = Landing::Mode::Offset;
    } else if (order.first().expression == u"ctid") {
        query.landing.mode = Landing::Mode::Ctid;
    } else if (order.first().expression == u"tableoid") {
        query.landing.mode = Landing::Mode::Offset;
    } else {
        query.landing.mode = Landing::Mode::Statistics;
        const QString column = !sort.isEmpty() && relation.columnIndex(sort.first().column) >= 0
            ? sort.first().column : relation.primaryKey.value(0);
        query.landing.column = column;
        const RelationColumn::Kind kind = relation.columns[relation.columnIndex(column)].kind;
        query.landing.interpolate = kind == RelationColumn::Kind::Integer
            || kind == RelationColumn::Kind::Numeric || kind == RelationColumn::Kind::Float;
    }
    return query;
}

QString BrowseQuery::orderBy(const RelationInfo &relation, const QList<SortColumn> &sort)
{
    QStringList parts;
    for (const OrderTerm &term : orderTerms(relation, sort)) {
        if (term.expression == u"ctid" || term.expression == u"tableoid")
            continue;  // physical order means nothing in a file
        parts << term.expression + (term.descending ? QStringLiteral(" DESC") : QString());
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace strata
