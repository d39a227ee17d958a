#include "KeysetQuery.h"

namespace strata {

OrderTerm OrderTerm::ascending(const QString &expression, bool notNull)
{
    return OrderTerm{expression, false, false, notNull};
}

OrderTerm OrderTerm::descendingTerm(const QString &expression, bool notNull)
{
    return OrderTerm{expression, true, true, notNull};
}

KeysetQuery::KeysetQuery(QString relation, QString selectList, QList<OrderTerm> order, QString where,
                         QStringList params)
    : m_relation(std::move(relation))
    , m_selectList(std::move(selectList))
    , m_order(std::move(order))
    , m_where(std::move(where))
    , m_params(std::move(params))
{
}

QString KeysetQuery::nullsClause(const OrderTerm &term)
{
    // Written only where it differs from PostgreSQL's default, which is what indexes have.
    if (term.nullsFirst == term.descending)
        return {};
    return term.nullsFirst ? QStringLiteral(" NULLS FIRST") : QStringLiteral(" NULLS LAST");
}

QString KeysetQuery::orderBy(const QList<OrderTerm> &order, int firstOrdinal)
{
    QStringList parts;
    for (int i = 0; i < order.size(); ++i) {
        const OrderTerm &term = order[i];
        // Ordinals for the outer ORDER BY of a UNION, where the expressions are out of scope.
        QString part = firstOrdinal > 0 ? QString::number(firstOrdinal + i) : term.expression;
        if (term.descending)
            part += QStringLiteral(" DESC");
        parts << part + nullsClause(term);
    }
    return parts.join(QStringLiteral(", "));
}

QList<OrderTerm> KeysetQuery::reversed(const QList<OrderTerm> &order)
{
    QList<OrderTerm> result = order;
    for (OrderTerm &term : result) {
        term.descending = !term.descending;
        term.nullsFirst = !term.nullsFirst;
    }
    return result;
}

QString KeysetQuery::select(int branch, const QList<OrderTerm> &order) const
{
    QStringList columns{QString::number(branch)};
    for (const OrderTerm &term : order)
        columns << term.expression;
    if (!m_selectList.isEmpty())
        columns << m_selectList;
    return QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")) + QStringLiteral(" FROM ")
        + m_relation;
}

// The rows after `anchor` in `order`, as branches whose results follow one another: rows that
// share a longer prefix with the anchor come first. Each branch is an equality prefix plus one
// range (or NULL test), which an index on the order columns answers without reading skipped
// rows; a row comparison over NULL is never true, so NULLs get branches of their own.
QList<KeysetQuery::Branch> KeysetQuery::afterBranches(const QList<OrderTerm> &order,
                                                      const QStringList &anchor,
                                                      QStringList *params) const
{
    const int k = int(order.size());
    QList<int> paramIndex(k, 0);
    auto param = [&](int i) {
        if (paramIndex[i] == 0) {
            params->append(anchor.value(i));
            paramIndex[i] = int(params->size());
        }
        return QStringLiteral("$%1").arg(paramIndex[i]);
    };
    auto prefix = [&](int level) {
        QStringList conditions;
        for (int j = 0; j < level; ++j) {
            conditions << (anchor.value(j).isNull()
                               ? order[j].expression + QStringLiteral(" IS NULL")
                               : order[j].expression + QStringLiteral(" = ") + param(j));
        }
        return conditions;
    };
    auto nullBranch = [&](int level, QList<Branch> *branches) {
        const OrderTerm &term = order[level];
        if (!term.nullsFirst && !term.notNull)
            branches->append({prefix(level) << term.expression + QStringLiteral(" IS NULL")});
    };

    QList<Branch> branches;
    // The deepest levels collapse into one row comparison when they sort the same way, their
    // anchor values are not NULL and all but the first are never NULL.
    int start = k;
    if (k > 0 && !anchor.value(k - 1).isNull()) {
        start = k - 1;
        while (start > 0 && order[start - 1].descending == order[k - 1].descending
               && !anchor.value(start - 1).isNull() && order[start].notNull)
            --start;
    }
    if (start < k) {
        QStringList left;
        QStringList right;
        for (int i = start; i < k; ++i) {
            left << order[i].expression;
            right << param(i);
        }
        const QString op = order[k - 1].descending ? QStringLiteral(" < ") : QStringLiteral(" > ");
        const QString comparison = left.size() == 1
            ? left.first() + op + right.first()
            : QStringLiteral("(%1)%2(%3)").arg(left.join(QStringLiteral(", ")), op, right.join(QStringLiteral(", ")));
        branches.append({prefix(start) << comparison});
        nullBranch(start, &branches);
    }
    for (int level = start - 1; level >= 0; --level) {
        const OrderTerm &term = order[level];
        if (anchor.value(level).isNull()) {
            if (term.nullsFirst)
                branches.append({prefix(level) << term.expression + QStringLiteral(" IS NOT NULL")});
            continue;
        }
        const QString op = term.descending ? QStringLiteral(" < ") : QStringLiteral(" > ");
        branches.append({prefix(level) << term.expression + op + param(level)});
        nullBranch(level, &branches);
    }
    return branches;
}

Query KeysetQuery::assemble(const QList<Branch> &branches, const QList<OrderTerm> &order,
                            QStringList params, int limit) const
{
    auto where = [&](const Branch &branch) {
        QStringList conditions;
        if (!m_where.isEmpty())
            conditions << QStringLiteral("(%1)").arg(m_where);
        conditions << branch.conditions;
        return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    };
    const QString limitClause = QStringLiteral(" LIMIT %1").arg(limit);
    const QString orderClause = order.isEmpty() ? QString() : QStringLiteral(" ORDER BY ") + orderBy(order);
    if (branches.isEmpty()) {
        // Nothing lies beyond the anchor: a query that returns no rows but the same columns.
        return {select(1, order) + QStringLiteral(" WHERE false") + limitClause, params};
    }
    if (branches.size() == 1)
        return {select(1, order) + where(branches.first()) + orderClause + limitClause, params};

    // Each branch is read only while the branches before it have not filled the page: its
    // condition on their counts is a one-time filter, so a full first branch keeps the others
    // (the NULLs, say) from reading anything. UNION ALL gives no order of its own: the outer
    // ORDER BY sorts by branch, then by the order values, over at most branches × limit rows.
    QStringList ctes;
    QStringList reads;
    QStringList counts;
    for (int i = 0; i < branches.size(); ++i) {
        Branch branch = branches[i];
        if (!counts.isEmpty())
            branch.conditions << QStringLiteral("(%1) < %2").arg(counts.join(QStringLiteral(" + "))).arg(limit);
        const QString name = QStringLiteral("strata_branch_%1").arg(i + 1);
        ctes << name + QStringLiteral(" AS (") + select(i + 1, order) + where(branch) + orderClause + limitClause
                + QStringLiteral(")");
        reads << QStringLiteral("SELECT * FROM ") + name;
        counts << QStringLiteral("(SELECT count(*) FROM %1)").arg(name);
    }
    QString sql = QStringLiteral("WITH ") + ctes.join(QStringLiteral(", ")) + QStringLiteral(" ")
        + reads.join(QStringLiteral(" UNION ALL ")) + QStringLiteral(" ORDER BY 1");
    if (!order.isEmpty())
        sql += QStringLiteral(", ") + orderBy(order, 2);
    return {sql + limitClause, params};
}

Query KeysetQuery::first(int limit) const
{
    return assemble({Branch{}}, m_order, m_params, limit);
}

Query KeysetQuery::last(int limit) const
{
    return assemble({Branch{}}, reversed(m_order), m_params, limit);
}

Query KeysetQuery::after(const QStringList &anchor, int limit) const
{
    QStringList params = m_params;
    const QList<Branch> branches = afterBranches(m_order, anchor, &params);
    return assemble(branches, m_order, params, limit);
}

Query KeysetQuery::before(const QStringList &anchor, int limit) const
{
    const QList<OrderTerm> order = reversed(m_order);
    QStringList params = m_params;
    const QList<Branch> branches = afterBranches(order, anchor, &params);
    return assemble(branches, order, params, limit);
}

Query KeysetQuery::atOrAfter(const QString &value, int limit) const
{
    if (m_order.isEmpty())
        return first(limit);
    const OrderTerm &term = m_order.first();
    QStringList params = m_params;
    QList<Branch> branches;
    if (value.isNull()) {
        if (term.nullsFirst)
            return first(limit);
        branches.append({{term.expression + QStringLiteral(" IS NULL")}});
    } else {
        params << value;
        const QString op = term.descending ? QStringLiteral(" <= ") : QStringLiteral(" >= ");
        branches.append({{term.expression + op + QStringLiteral("$%1").arg(params.size())}});
        if (!term.nullsFirst && !term.notNull)
            branches.append({{term.expression + QStringLiteral(" IS NULL")}});
    }
    return assemble(branches, m_order, params, limit);
}

Query KeysetQuery::offset(qint64 rows, int limit) const
{
    Query query = first(limit);
    query.sql += QStringLiteral(" OFFSET %1").arg(rows);
    return query;
}

Query KeysetQuery::count() const
{
    QString sql = QStringLiteral("SELECT count(*) FROM ") + m_relation;
    if (!m_where.isEmpty())
        sql += QStringLiteral(" WHERE (%1)").arg(m_where);
    return {sql, m_params};
}

} // namespace strata
