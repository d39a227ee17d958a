// Rules about the migration's transaction: statements PostgreSQL refuses inside one, and
// enum values used in the transaction that adds them.
#include "LintContext.h"
#include "Tr.h"

namespace strata {

namespace lint {

namespace {

// A DefElem option that is on: `CONCURRENTLY` alone, or with true/on/1.
bool optionIsOn(const Json &options, const char *name)
{
    for (const Json &option : options) {
        const Json *def = as(option, "DefElem");
        if (!def || text(*def, "defname") != QLatin1String(name))
            continue;
        const Json *arg = member(*def, "arg");
        if (!arg)
            return true;
        if (const Json *string = as(*arg, "String")) {
            const QString value = text(*string, "sval").toLower();
            return value != QLatin1String("false") && value != QLatin1String("off") && value != QLatin1String("0");
        }
        if (const Json *number = as(*arg, "Integer"))
            return integer(*number, "ival") != 0;
        if (const Json *boolean = as(*arg, "Boolean"))
            return flag(*boolean, "boolval");
        return true;
    }
    return false;
}

// The option list has `name` at all (ALTER DATABASE … SET TABLESPACE x: "tablespace").
bool hasOption(const Json &options, const char *name)
{
    for (const Json &option : options) {
        const Json *def = as(option, "DefElem");
        if (def && text(*def, "defname") == QLatin1String(name))
            return true;
    }
    return false;
}

// The SQL form that cannot run in a transaction block, for messages; empty when it can.
QString nonTransactionalForm(const QString &type, const Json &node, int serverVersion)
{
    if (type == QLatin1String("IndexStmt"))
        return flag(node, "concurrent") ? QStringLiteral("CREATE INDEX CONCURRENTLY") : QString();
    if (type == QLatin1String("DropStmt"))
        return flag(node, "concurrent") ? QStringLiteral("DROP INDEX CONCURRENTLY") : QString();
    if (type == QLatin1String("ReindexStmt")) {
        const QString kind = text(node, "kind");
        if (kind == QLatin1String("REINDEX_OBJECT_DATABASE"))
            return QStringLiteral("REINDEX DATABASE");
        if (kind == QLatin1String("REINDEX_OBJECT_SYSTEM"))
            return QStringLiteral("REINDEX SYSTEM");
        return optionIsOn(list(node, "params"), "concurrently") ? QStringLiteral("REINDEX CONCURRENTLY") : QString();
    }
    if (type == QLatin1String("VacuumStmt"))  // ANALYZE alone can run in a transaction
        return flag(node, "is_vacuumcmd") ? QStringLiteral("VACUUM") : QString();
    if (type == QLatin1String("ClusterStmt"))  // only the form that clusters every table
        return member(node, "relation") ? QString() : QStringLiteral("CLUSTER");
    if (type == QLatin1String("AlterDatabaseStmt"))
        return hasOption(list(node, "options"), "tablespace") ? QStringLiteral("ALTER DATABASE … SET TABLESPACE") : QString();
    if (type == QLatin1String("DiscardStmt"))
        return text(node, "target") == QLatin1String("DISCARD_ALL") ? QStringLiteral("DISCARD ALL") : QString();
    if (type == QLatin1String("TransactionStmt")) {
        const QString kind = text(node, "kind");
        if (kind == QLatin1String("TRANS_STMT_COMMIT_PREPARED"))
            return QStringLiteral("COMMIT PREPARED");
        if (kind == QLatin1String("TRANS_STMT_ROLLBACK_PREPARED"))
            return QStringLiteral("ROLLBACK PREPARED");
        return QString();
    }
    if (type == QLatin1String("AlterTableStmt")) {
        for (const Json &item : list(node, "cmds")) {
            const Json *cmd = as(item, "AlterTableCmd");
            const Json *def = cmd ? member(*cmd, "def") : nullptr;
            const Json *partition = def ? as(*def, "PartitionCmd") : nullptr;
            if (partition && text(*cmd, "subtype") == QLatin1String("AT_DetachPartition") && flag(*partition, "concurrent"))
                return QStringLiteral("ALTER TABLE … DETACH PARTITION … CONCURRENTLY");
        }
        return QString();
    }
    if (type == QLatin1String("AlterEnumStmt")) {
        const bool addsValue = member(node, "newVal") && !member(node, "oldVal");
        return addsValue && serverVersion > 0 && serverVersion < 120000 ? QStringLiteral("ALTER TYPE … ADD VALUE") : QString();
    }
    // CREATE/DROP SUBSCRIPTION need it only with their default options (create_slot, a slot
    // to drop), which are the usual ones.
    static const QList<std::pair<QLatin1String, const char *>> always = {
        {QLatin1String("CreatedbStmt"), "CREATE DATABASE"},
        {QLatin1String("DropdbStmt"), "DROP DATABASE"},
        {QLatin1String("CreateTableSpaceStmt"), "CREATE TABLESPACE"},
        {QLatin1String("DropTableSpaceStmt"), "DROP TABLESPACE"},
        {QLatin1String("AlterSystemStmt"), "ALTER SYSTEM"},
        {QLatin1String("CreateSubscriptionStmt"), "CREATE SUBSCRIPTION"},
        {QLatin1String("DropSubscriptionStmt"), "DROP SUBSCRIPTION"},
    };
    for (const auto &[nodeType, form] : always) {
        if (type == nodeType)
            return QString::fromLatin1(form);
    }
    return QString();
}

QString typeKey(const Linter &linter, const TypeSpec &type)
{
    return linter.relation(type.schema.isEmpty() ? QStringList{type.name} : QStringList{type.schema, type.name}).key();
}

QString typeDisplay(const Linter &linter, const QStringList &names)
{
    return linter.relation(names).display();
}

const AddedEnumValue *findAdded(const Linter &linter, const QString &typeKey, const QString &label)
{
    for (const AddedEnumValue &added : linter.addedEnumValues) {
        if (added.label == label && (typeKey.isEmpty() || added.typeKey == typeKey))
            return &added;
    }
    return nullptr;
}

void forgetEnum(Linter &linter, const QString &key)
{
    linter.addedEnumValues.removeIf([&](const AddedEnumValue &added) { return added.typeKey == key; });
}

// Where string constants meet enum types in one statement.
class EnumUses
{
public:
    explicit EnumUses(Linter &linter) : m_linter(linter) {}

    // A string constant stored in, cast to or compared with something of type `type`.
    void typed(const TypeSpec &type, const Json &value)
    {
        bool isString = false;
        const QString label = stringConstant(value, &isString);
        if (!isString || !type.isValid())
            return;
        const int at = location(*as(value, "A_Const"));
        if (m_accounted.contains(at))
            return;
        m_accounted.insert(at);
        const AddedEnumValue *added = type.array ? nullptr : findAdded(m_linter, typeKey(m_linter, type), label);
        if (!added)
            return;
        m_linter.report("enum-value-used-in-same-transaction", Hazard::Severity::Error, at, added->typeDisplay,
                        Tr::tr("Uses the value %1 of enum %2, which line %3 adds in the same transaction: "
                               "PostgreSQL refuses it (\"unsafe use of new value\") until that commits.")
                            .arg(literal(added->label), added->typeDisplay)
                            .arg(added->line),
                        Tr::tr("Add the value in an earlier migration, or COMMIT before using it."));
    }

    // Every other string constant (the fields of an A_Const) equal to a new label, in a
    // place whose type is not known.
    void untyped(const Json &constant)
    {
        const Json *sval = member(constant, "sval");
        const QString label = sval ? text(*sval, "sval") : QString();
        const int at = location(constant);
        if (!sval || m_accounted.contains(at))
            return;
        const AddedEnumValue *added = findAdded(m_linter, QString(), label);
        if (!added)
            return;
        m_linter.report("enum-value-used-in-same-transaction", Hazard::Severity::Warning, at, added->typeDisplay,
                        Tr::tr("%1 is the value line %2 adds to enum %3 in this transaction: if this statement "
                               "stores or compares it as that enum, PostgreSQL refuses it until that commits.")
                            .arg(literal(added->label))
                            .arg(added->line)
                            .arg(added->typeDisplay),
                        Tr::tr("Add the value in an earlier migration, or COMMIT before using it."));
    }

private:
    Linter &m_linter;
    QSet<int> m_accounted;  // A_Const locations already judged
};

} // namespace

void lintEnumUses(Linter &linter, const Json &stmt)
{
    if (linter.addedEnumValues.isEmpty())
        return;
    const QString type = typeOf(stmt);
    if (type == QLatin1String("AlterEnumStmt"))
        return;
    const Json &node = *as(stmt, qPrintable(type));
    EnumUses uses(linter);

    // Values stored into columns whose types the text or the statistics know.
    if (type == QLatin1String("InsertStmt") || type == QLatin1String("UpdateStmt")
        || type == QLatin1String("AlterTableStmt")) {
        const Json *rangeVar = member(node, "relation");
        const Relation table = rangeVar ? linter.relation(*rangeVar) : Relation();
        if (type == QLatin1String("InsertStmt")) {
            QStringList columns;
            for (const Json &column : list(node, "cols")) {
                if (const Json *target = as(column, "ResTarget"))
                    columns.append(text(*target, "name"));
            }
            if (columns.isEmpty())
                columns = linter.columnOrder.value(table.key());
            const Json *select = member(node, "selectStmt");
            const Json *values = select ? as(*select, "SelectStmt") : nullptr;
            if (values) {
                for (const Json &row : list(*values, "valuesLists")) {
                    const Json *items = as(row, "List");
                    if (!items)
                        continue;
                    const Json &cells = list(*items, "items");
                    for (size_t i = 0; i < cells.size() && qsizetype(i) < columns.size(); ++i)
                        uses.typed(linter.columnType(table, columns[qsizetype(i)]), cells[i]);
                }
            }
        } else if (type == QLatin1String("UpdateStmt")) {
            for (const Json &item : list(node, "targetList")) {
                const Json *target = as(item, "ResTarget");
                const Json *value = target ? member(*target, "val") : nullptr;
                if (value)
                    uses.typed(linter.columnType(table, text(*target, "name")), *value);
            }
        } else {
            for (const Json &item : list(node, "cmds")) {
                const Json *cmd = as(item, "AlterTableCmd");
                const Json *value = cmd ? member(*cmd, "def") : nullptr;
                if (value && text(*cmd, "subtype") == QLatin1String("AT_ColumnDefault"))
                    uses.typed(linter.columnType(table, text(*cmd, "name")), *value);
            }
        }
    }
    // Casts, and defaults of column definitions, anywhere in the statement.
    walk(stmt, [&](const QString &nodeType, const Json &fields) {
        if (nodeType == QLatin1String("TypeCast")) {
            const Json *arg = member(fields, "arg");
            const Json *typeName = member(fields, "typeName");
            if (arg && typeName)
                uses.typed(typeSpec(*typeName), *arg);
        } else if (nodeType == QLatin1String("ColumnDef")) {
            const Json *typeName = member(fields, "typeName");
            if (!typeName)
                return;
            const TypeSpec columnType = typeSpec(*typeName);
            if (const Json *value = member(fields, "raw_default"))
                uses.typed(columnType, *value);
            for (const Json &item : list(fields, "constraints")) {
                const Json *constraint = as(item, "Constraint");
                const Json *value = constraint ? member(*constraint, "raw_expr") : nullptr;
                if (value && text(*constraint, "contype") == QLatin1String("CONSTR_DEFAULT"))
                    uses.typed(columnType, *value);
            }
        }
    });
    walk(stmt, [&](const QString &nodeType, const Json &fields) {
        if (nodeType == QLatin1String("A_Const"))
            uses.untyped(fields);
    });
}

void lintTransactions(Linter &linter, const QString &type, const Json &node)
{
    if (type == QLatin1String("TransactionStmt")) {
        const QString kind = text(node, "kind");
        if (kind == QLatin1String("TRANS_STMT_BEGIN") || kind == QLatin1String("TRANS_STMT_START")) {
            linter.inTransactionBlock = true;
        } else if (kind == QLatin1String("TRANS_STMT_COMMIT") || kind == QLatin1String("TRANS_STMT_ROLLBACK")
                   || kind == QLatin1String("TRANS_STMT_PREPARE")) {
            // Committed values are safe to use; rolled back ones are gone either way.
            linter.addedEnumValues.clear();
            linter.inTransactionBlock = flag(node, "chain");
        }
    }

    const QString form = nonTransactionalForm(type, node, linter.options().serverVersion);
    if (!form.isEmpty() && linter.inTransactionBlock) {
        linter.report("non-transactional", Hazard::Severity::Error, -1, QString(),
                      Tr::tr("%1 cannot run inside a transaction block, and the migration runs in one: it fails.").arg(form),
                      Tr::tr("Put it in a migration of its own that runs outside a transaction, written so that it "
                             "can run again (IF NOT EXISTS) after stopping halfway."));
    } else if (!form.isEmpty()) {
        // The text ended the runner's transaction itself (drizzle users write COMMIT; before it).
        linter.report("non-transactional", Hazard::Severity::Warning, -1, QString(),
                      Tr::tr("%1 runs after the text's own COMMIT, outside the migration's transaction: if it or a "
                             "later statement fails, what ran before it stays applied.").arg(form),
                      Tr::tr("Put it in a migration of its own, so that this one stays all-or-nothing."));
    }

    if (type == QLatin1String("AlterEnumStmt")) {
        const QStringList names = lint::names(list(node, "typeName"));
        const QString display = typeDisplay(linter, names);
        const QString key = linter.relation(names).key();
        if (member(node, "oldVal")) {
            linter.report("rename", Hazard::Severity::Warning, -1, linter.relation(names).object(),
                          Tr::tr("Renames value %1 of enum %2 to %3: the running application still writes %1, "
                                 "which PostgreSQL then refuses.")
                              .arg(literal(text(node, "oldVal")), display, literal(text(node, "newVal"))),
                          Tr::tr("Add the new value first, switch the application to it and update the rows, "
                                 "then stop using the old value."));
        } else if (member(node, "newVal")) {
            if (linter.options().serverVersion == 0 && linter.inTransactionBlock) {
                linter.report("non-transactional", Hazard::Severity::Info, -1, linter.relation(names).object(),
                              Tr::tr("ALTER TYPE … ADD VALUE cannot run inside a transaction block on PostgreSQL 11 "
                                     "and older, and the new value cannot be used before the transaction commits."),
                              Tr::tr("On PostgreSQL 12 and later it is fine, as long as nothing in the same "
                                     "migration uses the new value."));
            }
            if (linter.inTransactionBlock)
                linter.addedEnumValues.append({key, display, text(node, "newVal"), linter.statement().start.line});
        }
    } else if (type == QLatin1String("CreateEnumStmt")) {
        // The labels of a type created here are usable at once; ADD VALUEs of a type of
        // the same name that was dropped before are gone with it.
        forgetEnum(linter, linter.relation(names(list(node, "typeName"))).key());
    } else if (type == QLatin1String("DropStmt") && text(node, "removeType") == QLatin1String("OBJECT_TYPE")) {
        for (const Json &object : list(node, "objects")) {
            if (const Json *typeName = as(object, "TypeName"))
                forgetEnum(linter, typeKey(linter, typeSpec(*typeName)));
        }
    }
}

} // namespace lint

bool HazardLint::cannotRunInTransaction(const ParsedStatement &statement, int serverVersion)
{
    if (!statement.isValid())
        return false;
    const QString type = statement.nodeType();
    return !lint::nonTransactionalForm(type, *lint::as(statement.data()->stmt, qPrintable(type)), serverVersion).isEmpty();
}

QString HazardLint::addedEnumValue(const ParsedStatement &statement)
{
    if (!statement.isValid() || statement.nodeType() != QLatin1String("AlterEnumStmt"))
        return {};
    const lint::Json &node = *lint::as(statement.data()->stmt, "AlterEnumStmt");
    if (lint::member(node, "oldVal") || !lint::member(node, "newVal"))
        return {};
    return lint::text(node, "newVal");
}

HazardLint::TransactionControl HazardLint::transactionControl(const ParsedStatement &statement)
{
    if (!statement.isValid() || statement.nodeType() != QLatin1String("TransactionStmt"))
        return TransactionControl::None;
    const lint::Json &node = *lint::as(statement.data()->stmt, "TransactionStmt");
    const QString kind = lint::text(node, "kind");
    if (kind == QLatin1String("TRANS_STMT_BEGIN") || kind == QLatin1String("TRANS_STMT_START"))
        return TransactionControl::Begin;
    if (kind == QLatin1String("TRANS_STMT_COMMIT") && !lint::flag(node, "chain"))
        return TransactionControl::Commit;
    if (kind == QLatin1String("TRANS_STMT_ROLLBACK") && !lint::flag(node, "chain"))
        return TransactionControl::Rollback;
    return TransactionControl::Other;
}

} // namespace strata
