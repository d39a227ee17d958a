// Rules about rows: TRUNCATE, UPDATE and DELETE without WHERE (also inside WITH), and
// rows written into a table the text created (which then is no longer empty).
#include "LintContext.h"
#include "Tr.h"

namespace strata::lint {

namespace {

using S = Hazard::Severity;

const BySize dataLoss{S::Info, S::Error, S::Warning, S::Error};
// Every row changed and locked until the migration commits.
const BySize everyRowLocked{std::nullopt, S::Info, S::Warning, S::Warning};

QString sizeText(const Linter &linter, const Relation &table)
{
    const std::optional<double> rows = linter.estimatedRows(table);
    return rows ? rowsText(*rows) : Tr::tr("size unknown");
}

void truncate(Linter &linter, const Json &node)
{
    const bool cascade = text(node, "behavior") == QLatin1String("DROP_CASCADE");
    for (const Json &item : list(node, "relations")) {
        const Json *rangeVar = as(item, "RangeVar");
        if (!rangeVar)
            continue;
        const Relation table = linter.relation(*rangeVar);
        if (const std::optional<S> severity = dataLoss.at(linter.sizeOf(table))) {
            const QString message = cascade
                ? Tr::tr("TRUNCATE … CASCADE deletes every row of %1 (%2) and of every table with a foreign key "
                         "to it.").arg(table.display(), sizeText(linter, table))
                : Tr::tr("TRUNCATE deletes every row of %1 (%2).").arg(table.display(), sizeText(linter, table));
            linter.report("truncate", *severity, location(*rangeVar), table.object(), message,
                          Tr::tr("Delete only the rows meant (DELETE … WHERE) and keep a copy; or do it as a "
                                 "deliberate data task, not in a migration."));
        }
        // Empty from here on: it stays locked (ACCESS EXCLUSIVE) until the migration commits.
        linter.emptyTables.insert(table.key());
    }
}

// `top` is true for the statement itself, false for one inside WITH.
void writeWithoutWhere(Linter &linter, const QString &type, const Json &node, bool top)
{
    const Json *rangeVar = member(node, "relation");
    if (!rangeVar)
        return;
    const Relation table = linter.relation(*rangeVar);
    const int at = top ? -1 : location(*rangeVar);
    if (type == QLatin1String("InsertStmt")) {
        linter.emptyTables.remove(table.key());
        return;
    }
    if (member(node, "whereClause"))
        return;
    const Size size = linter.sizeOf(table);
    if (type == QLatin1String("UpdateStmt")) {
        if (const std::optional<S> severity = everyRowLocked.at(size)) {
            linter.report("update-without-where", *severity, at, table.object(),
                          Tr::tr("UPDATE without WHERE changes every row of %1 (%2) and keeps them all locked until "
                                 "the migration commits.").arg(table.display(), sizeText(linter, table)),
                          Tr::tr("Add a WHERE clause for the rows meant; backfill a large table in batches, outside "
                                 "the migration."));
        }
    } else if (type == QLatin1String("DeleteStmt")) {
        if (const std::optional<S> severity = dataLoss.at(size)) {
            linter.report("delete-without-where", *severity, at, table.object(),
                          Tr::tr("DELETE without WHERE deletes every row of %1 (%2).")
                              .arg(table.display(), sizeText(linter, table)),
                          Tr::tr("Add a WHERE clause for the rows meant; keep a copy of what is deleted."));
        }
    }
}

} // namespace

void lintData(Linter &linter, const QString &type, const Json &node)
{
    static const QStringList writes = {QStringLiteral("InsertStmt"), QStringLiteral("UpdateStmt"),
                                       QStringLiteral("DeleteStmt")};
    if (type == QLatin1String("TruncateStmt")) {
        truncate(linter, node);
    } else if (type == QLatin1String("CopyStmt")) {
        const Json *rangeVar = member(node, "relation");
        if (rangeVar && flag(node, "is_from"))
            linter.emptyTables.remove(linter.relation(*rangeVar).key());
    } else if (writes.contains(type)) {
        writeWithoutWhere(linter, type, node, true);
    }
    // Writes inside WITH (and CREATE TABLE AS, EXPLAIN ANALYZE, …) count as well. Function
    // bodies and DO blocks are strings to the parser and are not looked into.
    walk(node, [&](const QString &nodeType, const Json &fields) {
        if (writes.contains(nodeType))
            writeWithoutWhere(linter, nodeType, fields, false);
    });
}

} // namespace strata::lint
