#pragma once

#include "pg/QueryResult.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

// One term of a browse order: a quoted SQL expression ("name", ctid) and how it sorts.
struct OrderTerm {
    QString expression;
    bool descending = false;
    bool nullsFirst = false;  // PostgreSQL's default is NULLS LAST for ASC, NULLS FIRST for DESC
    bool notNull = false;     // the expression is never NULL (key columns, ctid): fewer branches

    static OrderTerm ascending(const QString &expression, bool notNull = false);
    static OrderTerm descendingTerm(const QString &expression, bool notNull = false);
    bool operator==(const OrderTerm &) const = default;
};

// The SQL that reads one page of a relation in a fixed order, by key (keyset) rather than by
// OFFSET. Every query returns the same columns: a branch number, then the value of each order
// term (the anchor the next page starts from), then the select list. before() and last()
// return their rows in reverse order (nearest first); the caller turns them round.
class KeysetQuery
{
public:
    KeysetQuery() = default;
    // `relation` and `selectList` are SQL, already quoted; `where` is a boolean expression using
    // $1…$n for `params` (empty: all rows). The order must end in a unique key for after()
    // and before() to be exact.
    KeysetQuery(QString relation, QString selectList, QList<OrderTerm> order, QString where = {},
                QStringList params = {});

    const QList<OrderTerm> &order() const { return m_order; }
    const QString &relation() const { return m_relation; }
    const QString &where() const { return m_where; }
    const QStringList &params() const { return m_params; }
    int metaColumns() const { return 1 + int(m_order.size()); }  // before the select list

    Query first(int limit) const;
    Query last(int limit) const;  // reversed
    // Rows strictly after / before the row whose order values are `anchor` (null = NULL).
    Query after(const QStringList &anchor, int limit) const;
    Query before(const QStringList &anchor, int limit) const;  // reversed
    // Rows whose first order term is at or beyond `value` (null: the NULLs), for landing a jump.
    Query atOrAfter(const QString &value, int limit) const;
    // OFFSET: reads every skipped row; only for relations without a usable key.
    Query offset(qint64 rows, int limit) const;
    Query count() const;

private:
    struct Branch {
        QStringList conditions;  // ANDed
    };
    QList<Branch> afterBranches(const QList<OrderTerm> &order, const QStringList &anchor,
                                QStringList *params) const;
    Query assemble(const QList<Branch> &branches, const QList<OrderTerm> &order,
                   QStringList params, int limit) const;
    QString select(int branch, const QList<OrderTerm> &order) const;
    static QList<OrderTerm> reversed(const QList<OrderTerm> &order);
    static QString orderBy(const QList<OrderTerm> &order, int firstOrdinal = 0);
    static QString nullsClause(const OrderTerm &term);

    QString m_relation;
    QString m_selectList;
    QList<OrderTerm> m_order;
    QString m_where;
    QStringList m_params;
};

} // namespace strata
