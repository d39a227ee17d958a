// Rules about whole tables: CREATE TABLE (remembered: a new table is empty), DROP, renames,
// CREATE INDEX. ALTER TABLE's commands are in AlterTableRules.cpp.
#include "LintContext.h"
#include "Tr.h"

namespace strata::lint {

namespace {

using S = Hazard::Severity;

// Losing rows: an error when rows are known to exist.
const BySize dataLoss{S::Info, S::Error, S::Warning, S::Error};
// Blocking writes while an index builds: loud only on large tables.
const BySize blockingBuild{std::nullopt, S::Info, S::Info, S::Warning};

QString sizeText(const Linter &linter, const Relation &table)
{
    const std::optional<double> rows = linter.estimatedRows(table);
    return rows ? rowsText(*rows) : Tr::tr("size unknown");
}

void createTable(Linter &linter, const Json &node)
{
    const Json *rangeVar = member(node, "relation");
    if (!rangeVar)
        return;
    const Relation table = linter.relation(*rangeVar);
    // IF NOT EXISTS on a table the statistics list does nothing: the table keeps its rows.
    if (flag(node, "if_not_exists") && linter.options().stats.hasTable(table.schema, table.name))
        return;
    linter.forgetTable(table);
    linter.createdTables.insert(table.key());
    linter.emptyTables.insert(table.key());
    QHash<QString, TypeSpec> &columns = linter.columns[table.key()];
    QStringList &order = linter.columnOrder[table.key()];
    for (const Json &element : list(node, "tableElts")) {
        const Json *column = as(element, "ColumnDef");
        const Json *typeName = column ? member(*column, "typeName") : nullptr;
        if (!typeName)
            continue;
        const QString name = text(*column, "colname");
        columns.insert(name, typeSpec(*typeName));
        order.append(name);
    }
}

void dropObjects(Linter &linter, const Json &node)
{
    const QString removeType = text(node, "removeType");
    const Json &objects = list(node, "objects");
    bool allNew = !objects.empty();
    QStringList shown;
    for (const Json &object : objects) {
        QStringList objectNames = names(object);
        if (const Json *single = as(object, "String"))  // DROP SCHEMA s: a bare name
            objectNames = QStringList{text(*single, "sval")};
        if (objectNames.isEmpty()) {  // a TypeName (DROP TYPE, DROP DOMAIN) or another node
            allNew = false;
            if (const Json *typeName = as(object, "TypeName"))
                shown.append(linter.relation(names(list(*typeName, "names"))).display());
            continue;
        }
        const Relation relation = removeType == QLatin1String("OBJECT_SCHEMA")
            ? Relation{objectNames.last(), QString(), false}
            : linter.relation(objectNames);
        shown.append(relation.name.isEmpty() ? quoted(relation.schema) : relation.display());
        const bool isTable = removeType == QLatin1String("OBJECT_TABLE");
        if (!isTable || !linter.createdTables.contains(relation.key()))
            allNew = false;
        if (!isTable)
            continue;
        const Size size = linter.sizeOf(relation);
        if (const std::optional<S> severity = dataLoss.at(size)) {
            linter.report("drop-table", *severity, -1, relation.object(),
                          Tr::tr("Drops table %1 and every row in it (%2).").arg(relation.display(), sizeText(linter, relation)),
                          Tr::tr("Check that nothing reads it any more and keep a copy (pg_dump -t); or rename it "
                                 "away now and drop it in a later release."));
        }
    }
    if (text(node, "behavior") == QLatin1String("DROP_CASCADE") && !allNew) {
        linter.report("drop-cascade", S::Warning, -1, QString(),
                      Tr::tr("CASCADE also drops whatever depends on %1 (views, foreign keys, defaults, …) without "
                             "naming it.").arg(shown.join(QLatin1String(", "))),
                      Tr::tr("Drop the dependent objects by name first, then drop without CASCADE, so that PostgreSQL "
                             "refuses if anything unexpected still depends on it."));
    }
    if (removeType == QLatin1String("OBJECT_TABLE")) {
        for (const Json &object : objects)
            linter.forgetTable(linter.relation(names(object)));
    }
}

void reportRename(Linter &linter, const QString &object, const QString &message, const QString &alternative)
{
    linter.report("rename", S::Warning, -1, object, message, alternative);
}

QString tableRenameAlternative()
{
    return Tr::tr("Expand and contract: deploy code that works with both names (a view under the old name can "
                  "bridge), rename, and remove the bridge in a later migration.");
}

void rename(Linter &linter, const Json &node)
{
    const QString renameType = text(node, "renameType");
    const QString newName = text(node, "newname");
    const Json *rangeVar = member(node, "relation");
    if (renameType == QLatin1String("OBJECT_SCHEMA")) {
        reportRename(linter, quoted(text(node, "subname")),
                     Tr::tr("Renames schema %1 to %2: the running application still uses the old name and fails "
                            "until it is redeployed.").arg(quoted(text(node, "subname")), quoted(newName)),
                     tableRenameAlternative());
        return;
    }
    if (!rangeVar)
        return;
    const Relation table = linter.relation(*rangeVar);
    static const QStringList relationKinds = {QStringLiteral("OBJECT_TABLE"), QStringLiteral("OBJECT_VIEW"),
                                              QStringLiteral("OBJECT_MATVIEW"), QStringLiteral("OBJECT_FOREIGN_TABLE")};
    if (relationKinds.contains(renameType)) {
        if (!linter.createdTables.contains(table.key())) {
            reportRename(linter, table.object(),
                         Tr::tr("Renames %1 to %2: the running application still uses the old name and fails until "
                                "it is redeployed.").arg(table.display(), quoted(newName)),
                         tableRenameAlternative());
        }
        linter.renameTable(table, Relation{table.schema, newName, table.qualified});
    } else if (renameType == QLatin1String("OBJECT_COLUMN")) {
        const QString column = text(node, "subname");
        if (!linter.isNewColumn(table, column)) {
            reportRename(linter, table.object() + QLatin1Char('.') + quoted(column),
                         Tr::tr("Renames column %1 of %2 to %3: the running application still reads and writes the "
                                "old name and fails until it is redeployed.")
                             .arg(quoted(column), table.display(), quoted(newName)),
                         Tr::tr("Expand and contract: add the new column, write both, backfill, switch reads, and "
                                "drop the old column in a later migration."));
        }
        auto columns = linter.columns.find(table.key());
        if (columns != linter.columns.end() && columns->contains(column))
            columns->insert(newName, columns->take(column));
        QStringList &order = linter.columnOrder[table.key()];
        const qsizetype at = order.indexOf(column);
        if (at >= 0)
            order[at] = newName;
        if (linter.newColumns.remove(table.key() + QChar(0) + column))
            linter.newColumns.insert(table.key() + QChar(0) + newName);
    }
}

void moveToSchema(Linter &linter, const Json &node)
{
    const Json *rangeVar = member(node, "relation");
    if (!rangeVar || text(node, "objectType") != QLatin1String("OBJECT_TABLE"))
        return;
    const Relation table = linter.relation(*rangeVar);
    const QString schema = text(node, "newschema");
    if (!linter.createdTables.contains(table.key())) {
        reportRename(linter, table.object(),
                     Tr::tr("Moves %1 to schema %2: the running application still uses the old name and fails until "
                            "it is redeployed.").arg(table.display(), quoted(schema)),
                     tableRenameAlternative());
    }
    linter.renameTable(table, Relation{schema, table.name, true});
}

void createIndex(Linter &linter, const Json &node)
{
    const Json *rangeVar = member(node, "relation");
    if (!rangeVar || flag(node, "concurrent"))
        return;  // CONCURRENTLY: TransactionRules reports that it cannot run in the migration's transaction
    const Relation table = linter.relation(*rangeVar);
    if (const std::optional<S> severity = blockingBuild.at(linter.sizeOf(table))) {
        linter.report("create-index-blocking", *severity, -1, table.object(),
                      Tr::tr("CREATE INDEX without CONCURRENTLY blocks every write to %1 while it builds (%2).")
                          .arg(table.display(), sizeText(linter, table)),
                      Tr::tr("CREATE INDEX CONCURRENTLY, in a migration of its own outside a transaction."));
    }
}

} // namespace

void lintTables(Linter &linter, const QString &type, const Json &node)
{
    if (type == QLatin1String("CreateStmt"))
        createTable(linter, node);
    else if (type == QLatin1String("DropStmt"))
        dropObjects(linter, node);
    else if (type == QLatin1String("RenameStmt"))
        rename(linter, node);
    else if (type == QLatin1String("AlterObjectSchemaStmt"))
        moveToSchema(linter, node);
    else if (type == QLatin1String("IndexStmt"))
        createIndex(linter, node);
    else if (type == QLatin1String("AlterTableStmt"))
        lintAlterTable(linter, node);
}

} // namespace strata::lint
