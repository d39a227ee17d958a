#pragma once

#include "schema/Column.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

// One condition of the filter bar: a column, an operator and the values typed for it.
struct RowFilter {
    enum class Op {
        Equals, NotEquals, Less, LessOrEqual, Greater, GreaterOrEqual,
        Contains, NotContains, StartsWith, EndsWith, IsNull, IsNotNull, In, Between
    };

    QString column;       // exact column name as the server has it
    Op op = Op::Equals;
    QStringList values;   // Between: 2, In: 1..n, IsNull/IsNotNull: 0, others: 1

    bool operator==(const RowFilter &) const = default;

    static QString opLabel(Op op);                  // translated label for the filter bar
    static QList<Op> opsFor(const Column &column);  // sensible operators for the column's type
    // How many values `op` takes: 0, 1 or 2; -1 for In (one or more).
    static int valueCount(Op op);
    // A stable untranslated name ("eq", "contains", "between", …), for saving a tab's filters.
    static QString opId(Op op);
    static std::optional<Op> opFromId(const QString &id);
};

// Filters as SQL with their values as parameters: nothing typed is ever spliced into the text.
struct CompiledFilter {
    QString sql;          // boolean SQL expression without WHERE, in parentheses; empty = no filter
    QStringList params;   // values for $first… in order; a null QString would be SQL NULL (never produced)
    QString error;        // non-empty: the filters cannot be compiled; sql and params are then empty
    int rawWherePosition = 0;  // with an error in the raw WHERE clause: 1-based offset in it, 0 = none

    bool isEmpty() const { return sql.isEmpty(); }
};

namespace FilterCompiler {

// AND of all filters. `columns` gives the table's columns (for names and types); params are
// numbered from firstParam.
CompiledFilter compile(const QList<RowFilter> &filters, const QList<Column> &columns, int firstParam = 1);
// As above, with a WHERE clause typed by the user: `rawWhere` is ANDed in parentheses after
// RawWhereCheck accepted it. A blank clause means no clause.
CompiledFilter compile(const QList<RowFilter> &filters, const QString &rawWhere, const QList<Column> &columns,
                       int firstParam = 1);
// A value for ILIKE that matches `text` literally: \, % and _ escaped with backslashes.
QString escapeLike(const QString &text);

} // namespace FilterCompiler

} // namespace strata
