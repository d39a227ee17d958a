// Rules for ALTER TABLE's commands: columns added, dropped, retyped and made NOT NULL, and
// constraints added.
#include "LintContext.h"
#include "Tr.h"

namespace strata::lint {

namespace {

using S = Hazard::Severity;

const BySize dataLoss{S::Info, S::Error, S::Warning, S::Error};
// A full scan under a lock that blocks writes (or reads too), but no rewrite.
const BySize scanUnderLock{std::nullopt, S::Info, S::Warning, S::Warning};
const BySize rewrite{std::nullopt, S::Info, S::Warning, S::Error};
const BySize mayRewrite{std::nullopt, S::Info, S::Warning, S::Warning};
// Fails as soon as the table has a row.
const BySize failsWithRows{std::nullopt, S::Error, S::Warning, S::Error};
const BySize blockingBuild{std::nullopt, S::Info, S::Info, S::Warning};

QString sizeText(const Linter &linter, const Relation &table)
{
    const std::optional<double> rows = linter.estimatedRows(table);
    return rows ? rowsText(*rows) : Tr::tr("size unknown");
}

// A type for messages: built-in types by their catalog name (varchar(20)), others quoted.
QString typeText(const TypeSpec &type)
{
    QString result = type.schema.isEmpty() || type.schema == QLatin1String("pg_catalog")
        ? (type.schema.isEmpty() ? quoted(type.name) : type.name)
        : quoted(type.schema) + QLatin1Char('.') + quoted(type.name);
    if (!type.modifiers.isEmpty()) {
        QStringList modifiers;
        for (const int modifier : type.modifiers)
            modifiers.append(QString::number(modifier));
        result += QLatin1Char('(') + modifiers.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    return type.array ? result + QLatin1String("[]") : result;
}

QString constraintName(const Json &constraint)
{
    const QString name = text(constraint, "conname");
    return name.isEmpty() ? Tr::tr("(unnamed)") : quoted(name);
}

// Functions whose value differs per row: as a column default they make ADD COLUMN fill
// every existing row one by one, i.e. rewrite the table (a constant or stable default,
// like now(), is stored once in the catalog since PostgreSQL 11).
bool isVolatileFunction(const QString &name)
{
    static const QStringList names = {
        QStringLiteral("random"), QStringLiteral("random_normal"), QStringLiteral("gen_random_uuid"),
        QStringLiteral("uuid_generate_v1"), QStringLiteral("uuid_generate_v1mc"), QStringLiteral("uuid_generate_v4"),
        QStringLiteral("clock_timestamp"), QStringLiteral("timeofday"), QStringLiteral("nextval"),
    };
    return names.contains(name);
}

struct NewColumn {
    bool notNull = false;
    bool fillsRows = false;  // existing rows get a value: a default, identity, generated, serial
    QString perRowValue;     // why every row gets its own value (rewrite); empty when none
    bool unique = false;     // builds an index
};

NewColumn describeColumn(const Json &columnDef)
{
    NewColumn column;
    const Json *typeName = member(columnDef, "typeName");
    const TypeSpec type = typeName ? typeSpec(*typeName) : TypeSpec();
    static const QStringList serials = {QStringLiteral("serial"), QStringLiteral("serial4"), QStringLiteral("bigserial"),
                                        QStringLiteral("serial8"), QStringLiteral("smallserial"), QStringLiteral("serial2")};
    if (type.schema.isEmpty() && serials.contains(type.name)) {
        column.fillsRows = true;
        column.perRowValue = type.name;
    }
    auto checkDefault = [&](const Json &expression) {
        column.fillsRows = true;
        walk(expression, [&](const QString &nodeType, const Json &fields) {
            if (nodeType != QLatin1String("FuncCall") || !column.perRowValue.isEmpty())
                return;
            const QStringList function = names(list(fields, "funcname"));
            if (!function.isEmpty() && isVolatileFunction(function.last()))
                column.perRowValue = function.last() + QLatin1String("()");
        });
    };
    if (const Json *value = member(columnDef, "raw_default"))
        checkDefault(*value);
    column.notNull = flag(columnDef, "is_not_null");
    for (const Json &item : list(columnDef, "constraints")) {
        const Json *constraint = as(item, "Constraint");
        if (!constraint)
            continue;
        const QString kind = text(*constraint, "contype");
        if (kind == QLatin1String("CONSTR_NOTNULL")) {
            column.notNull = true;
        } else if (kind == QLatin1String("CONSTR_PRIMARY")) {
            column.notNull = true;
            column.unique = true;
        } else if (kind == QLatin1String("CONSTR_UNIQUE")) {
            column.unique = true;
        } else if (kind == QLatin1String("CONSTR_DEFAULT")) {
            if (const Json *value = member(*constraint, "raw_expr"))
                checkDefault(*value);
        } else if (kind == QLatin1String("CONSTR_IDENTITY")) {
            column.fillsRows = true;
            column.perRowValue = QStringLiteral("GENERATED … AS IDENTITY");
        } else if (kind == QLatin1String("CONSTR_GENERATED")) {
            column.fillsRows = true;
            column.perRowValue = QStringLiteral("GENERATED ALWAYS AS (…) STORED");
        }
    }
    return column;
}

void addColumn(Linter &linter, const Relation &table, const Json &columnDef)
{
    const QString name = text(columnDef, "colname");
    const Size size = linter.sizeOf(table);
    const NewColumn column = describeColumn(columnDef);
    const int at = location(columnDef);
    const QString object = table.object() + QLatin1Char('.') + quoted(name);
    if (column.notNull && !column.fillsRows) {
        if (const std::optional<S> severity = failsWithRows.at(size)) {
            linter.report("add-column-not-null-no-default", *severity, at, object,
                          Tr::tr("Adds NOT NULL column %1 to %2 without a default: PostgreSQL refuses it if %2 has "
                                 "any row (%3).").arg(quoted(name), table.display(), sizeText(linter, table)),
                          Tr::tr("Give it a constant DEFAULT (no rewrite since PostgreSQL 11), or add it nullable, "
                                 "backfill it, then SET NOT NULL."));
        }
    }
    if (!column.perRowValue.isEmpty()) {
        if (const std::optional<S> severity = rewrite.at(size)) {
            linter.report("add-column-volatile-default", *severity, at, object,
                          Tr::tr("Adds column %1 to %2 with a value computed per row (%3): PostgreSQL rewrites the "
                                 "whole table under an ACCESS EXCLUSIVE lock (%4).")
                              .arg(quoted(name), table.display(), column.perRowValue, sizeText(linter, table)),
                          Tr::tr("Add the column without that default, set the default for new rows, and backfill "
                                 "existing rows in batches."));
        }
    }
    if (column.unique) {
        if (const std::optional<S> severity = blockingBuild.at(size)) {
            linter.report("create-index-blocking", *severity, at, object,
                          Tr::tr("Adds column %1 with a unique index, which blocks every write to %2 while it builds "
                                 "(%3).").arg(quoted(name), table.display(), sizeText(linter, table)),
                          Tr::tr("Add the column, CREATE UNIQUE INDEX CONCURRENTLY on it, then ADD CONSTRAINT … "
                                 "USING INDEX."));
        }
    }
    const Json *typeName = member(columnDef, "typeName");
    linter.columns[table.key()].insert(name, typeName ? typeSpec(*typeName) : TypeSpec());
    if (linter.createdTables.contains(table.key()))
        linter.columnOrder[table.key()].append(name);
    else
        linter.newColumns.insert(table.key() + QChar(0) + name);
}

void dropColumn(Linter &linter, const Relation &table, const Json &cmd)
{
    const QString name = text(cmd, "name");
    const QString object = table.object() + QLatin1Char('.') + quoted(name);
    if (!linter.isNewColumn(table, name)) {
        if (const std::optional<S> severity = dataLoss.at(linter.sizeOf(table))) {
            linter.report("drop-column", *severity, -1, object,
                          Tr::tr("Drops column %1 of %2 and its data (%3).")
                              .arg(quoted(name), table.display(), sizeText(linter, table)),
                          Tr::tr("Stop using the column in the application and deploy that first; keep a copy of "
                                 "the data if it may be needed; then drop it."));
        }
        if (text(cmd, "behavior") == QLatin1String("DROP_CASCADE")) {
            linter.report("drop-cascade", S::Warning, -1, object,
                          Tr::tr("CASCADE also drops whatever depends on column %1 of %2 (views, constraints, "
                                 "indexes) without naming it.").arg(quoted(name), table.display()),
                          Tr::tr("Drop the dependent objects by name first, then drop the column without CASCADE."));
        }
    }
    linter.columns[table.key()].remove(name);
    linter.columnOrder[table.key()].removeAll(name);
    linter.newColumns.remove(table.key() + QChar(0) + name);
}

void alterColumnType(Linter &linter, const Relation &table, const Json &cmd)
{
    const QString name = text(cmd, "name");
    const Json *def = member(cmd, "def");
    const Json *columnDef = def ? as(*def, "ColumnDef") : nullptr;
    const Json *typeName = columnDef ? member(*columnDef, "typeName") : nullptr;
    if (!typeName)
        return;
    const TypeSpec to = typeSpec(*typeName);
    const TypeSpec from = linter.columnType(table, name);
    const bool hasUsing = member(*columnDef, "raw_default") != nullptr;
    const TypeChange change = hasUsing ? TypeChange::Rewrite : classifyTypeChange(from, to);
    const Size size = linter.sizeOf(table);
    const int at = location(*columnDef);
    const QString object = table.object() + QLatin1Char('.') + quoted(name);
    const QString alternative = Tr::tr("Add a column of the new type, backfill it in batches, switch the application "
                                       "to it, and drop the old column later.");
    if (change == TypeChange::Rewrite) {
        if (const std::optional<S> severity = rewrite.at(size)) {
            const QString message = hasUsing
                ? Tr::tr("Changing %1 of %2 to %3 with USING rewrites the whole table and its indexes under an "
                         "ACCESS EXCLUSIVE lock (%4).").arg(quoted(name), table.display(), typeText(to), sizeText(linter, table))
                : Tr::tr("Changing %1 of %2 from %3 to %4 rewrites the whole table and its indexes under an ACCESS "
                         "EXCLUSIVE lock (%5).")
                      .arg(quoted(name), table.display(), typeText(from), typeText(to), sizeText(linter, table));
            linter.report("column-type-rewrite", *severity, at, object, message, alternative);
        }
    } else if (change == TypeChange::Unknown) {
        if (const std::optional<S> severity = mayRewrite.at(size)) {
            linter.report("column-type-rewrite", *severity, at, object,
                          Tr::tr("Changing %1 of %2 to %3 rewrites the whole table under an ACCESS EXCLUSIVE lock "
                                 "unless the old type converts in place, like varchar(n) to text (%4).")
                              .arg(quoted(name), table.display(), typeText(to), sizeText(linter, table)),
                          alternative);
        }
    }
    linter.columns[table.key()].insert(name, to);
}

void setNotNull(Linter &linter, const Relation &table, const Json &cmd)
{
    const QString name = text(cmd, "name");
    const int version = linter.options().serverVersion;
    // PostgreSQL 12+ skips the scan when a valid CHECK (column IS NOT NULL) already proves it.
    if (linter.notNullProven.contains(table.key() + QChar(0) + name) && (version == 0 || version >= 120000))
        return;
    if (const std::optional<S> severity = scanUnderLock.at(linter.sizeOf(table))) {
        linter.report("set-not-null", *severity, -1, table.object() + QLatin1Char('.') + quoted(name),
                      Tr::tr("SET NOT NULL reads all of %1 to check %2, holding an ACCESS EXCLUSIVE lock that blocks "
                             "reads and writes (%3).").arg(table.display(), quoted(name), sizeText(linter, table)),
                      Tr::tr("First ADD CONSTRAINT … CHECK (%1 IS NOT NULL) NOT VALID and VALIDATE CONSTRAINT it; "
                             "SET NOT NULL then skips the scan (PostgreSQL 12+).").arg(quoted(name)));
    }
}

// The column of CHECK (column IS NOT NULL), or empty.
QString notNullCheckColumn(const Json &constraint)
{
    const Json *expression = member(constraint, "raw_expr");
    const Json *test = expression ? as(*expression, "NullTest") : nullptr;
    if (!test || text(*test, "nulltesttype") != QLatin1String("IS_NOT_NULL"))
        return QString();
    const Json *arg = member(*test, "arg");
    const Json *column = arg ? as(*arg, "ColumnRef") : nullptr;
    const QStringList fields = column ? names(list(*column, "fields")) : QStringList();
    return fields.size() == 1 ? fields.first() : QString();
}

void addConstraint(Linter &linter, const Relation &table, const Json &cmd)
{
    const Json *def = member(cmd, "def");
    const Json *constraint = def ? as(*def, "Constraint") : nullptr;
    if (!constraint)
        return;
    const QString kind = text(*constraint, "contype");
    const bool notValid = flag(*constraint, "skip_validation");
    const Size size = linter.sizeOf(table);
    const int at = location(*constraint);
    const QString alternative = Tr::tr("Add it NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT "
                                       "in a separate statement, which does not block writes.");
    if (kind == QLatin1String("CONSTR_CHECK")) {
        const QString column = notNullCheckColumn(*constraint);
        if (!column.isEmpty() && notValid)
            linter.notNullChecks.insert(table.key() + QChar(0) + text(*constraint, "conname"), column);
        else if (!column.isEmpty())
            linter.notNullProven.insert(table.key() + QChar(0) + column);
        const std::optional<S> severity = notValid ? std::nullopt : scanUnderLock.at(size);
        if (severity) {
            linter.report("constraint-not-not-valid", *severity, at, table.object(),
                          Tr::tr("Adding check %1 reads every row of %2 under an ACCESS EXCLUSIVE lock that blocks "
                                 "reads and writes (%3).").arg(constraintName(*constraint), table.display(), sizeText(linter, table)),
                          alternative);
        }
    } else if (kind == QLatin1String("CONSTR_FOREIGN")) {
        const std::optional<S> severity = notValid ? std::nullopt : scanUnderLock.at(size);
        const Json *target = member(*constraint, "pktable");
        if (severity && target) {
            const Relation referenced = linter.relation(*target);
            linter.report("constraint-not-not-valid", *severity, at, table.object(),
                          Tr::tr("Adding foreign key %1 checks every row of %2 at once, blocking writes to %2 and %3 "
                                 "meanwhile (%4).")
                              .arg(constraintName(*constraint), table.display(), referenced.display(), sizeText(linter, table)),
                          alternative);
        }
    } else if ((kind == QLatin1String("CONSTR_UNIQUE") || kind == QLatin1String("CONSTR_PRIMARY")
                || kind == QLatin1String("CONSTR_EXCLUSION")) && !member(*constraint, "indexname")) {
        if (const std::optional<S> severity = blockingBuild.at(size)) {
            linter.report("create-index-blocking", *severity, at, table.object(),
                          Tr::tr("Adding %1 builds its index while blocking every write to %2 (%3).")
                              .arg(constraintName(*constraint), table.display(), sizeText(linter, table)),
                          Tr::tr("CREATE UNIQUE INDEX CONCURRENTLY first (in a migration of its own), then ADD "
                                 "CONSTRAINT … USING INDEX."));
        }
    }
}

} // namespace

void lintAlterTable(Linter &linter, const Json &node)
{
    const Json *rangeVar = member(node, "relation");
    if (!rangeVar || text(node, "objtype") != QLatin1String("OBJECT_TABLE"))
        return;
    const Relation table = linter.relation(*rangeVar);
    for (const Json &item : list(node, "cmds")) {
        const Json *cmd = as(item, "AlterTableCmd");
        if (!cmd)
            continue;
        const QString subtype = text(*cmd, "subtype");
        if (subtype == QLatin1String("AT_AddColumn")) {
            const Json *def = member(*cmd, "def");
            if (const Json *columnDef = def ? as(*def, "ColumnDef") : nullptr)
                addColumn(linter, table, *columnDef);
        } else if (subtype == QLatin1String("AT_DropColumn")) {
            dropColumn(linter, table, *cmd);
        } else if (subtype == QLatin1String("AT_AlterColumnType")) {
            alterColumnType(linter, table, *cmd);
        } else if (subtype == QLatin1String("AT_SetNotNull")) {
            setNotNull(linter, table, *cmd);
        } else if (subtype == QLatin1String("AT_AddConstraint")) {
            addConstraint(linter, table, *cmd);
        } else if (subtype == QLatin1String("AT_ValidateConstraint")) {
            const QString column = linter.notNullChecks.value(table.key() + QChar(0) + text(*cmd, "name"));
            if (!column.isEmpty())
                linter.notNullProven.insert(table.key() + QChar(0) + column);
        } else if (subtype == QLatin1String("AT_DropConstraint") && text(*cmd, "behavior") == QLatin1String("DROP_CASCADE")
                   && linter.sizeOf(table) != Size::New) {
            linter.report("drop-cascade", S::Warning, -1, table.object(),
                          Tr::tr("CASCADE also drops whatever depends on constraint %1 of %2 (foreign keys that use "
                                 "its index) without naming it.").arg(quoted(text(*cmd, "name")), table.display()),
                          Tr::tr("Drop the dependent constraints by name first, then drop this one without CASCADE."));
        }
    }
}

} // namespace strata::lint
