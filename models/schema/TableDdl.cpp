#include "DdlParts.h"

#include "DiffGroups.h"
#include "SqlQuote.h"
#include "SnapshotTypes.h"

namespace strata::DdlParts {

namespace {

using SqlQuote::identifier;

QString alterTable(const Change &change)
{
    return QStringLiteral("ALTER TABLE ") + SqlQuote::tableName(change.schema, change.name);
}

QString alterColumn(const Change &change)
{
    return alterTable(change) + QLatin1String(" ALTER COLUMN ") + identifier(change.item);
}

// DEFERRABLE [INITIALLY DEFERRED]: catalog state drizzle-kit never sets.
QString deferrable(bool deferrable, bool initiallyDeferred)
{
    if (!deferrable)
        return {};
    return initiallyDeferred ? QStringLiteral(" DEFERRABLE INITIALLY DEFERRED") : QStringLiteral(" DEFERRABLE");
}

QString uniqueClause(const UniqueConstraint &unique)
{
    return QStringLiteral("UNIQUE") + (unique.nullsNotDistinct ? QStringLiteral(" NULLS NOT DISTINCT") : QString())
           + QLatin1Char('(') + SqlQuote::identifierList(unique.columns) + QLatin1Char(')')
           + deferrable(unique.deferrable, unique.initiallyDeferred);
}

QString createTable(const Table &table)
{
    // A partition takes its columns from its parent.
    if (!table.partitionOf.isEmpty()) {
        return QStringLiteral("CREATE TABLE ") + SqlQuote::tableName(table.schema, table.name) + QLatin1String(" PARTITION OF ")
               + table.partitionOf + QLatin1Char(' ') + table.partitionBound
               + (table.partitionKey.isEmpty() ? QString() : QLatin1String(" PARTITION BY ") + table.partitionKey)
               + QLatin1String(";\n");
    }
    QStringList lines;
    const bool inlineKey = TableDiff::isColumnKey(table);
    for (Column column : table.columns) {
        const bool key = inlineKey && table.primaryKey->columns.first() == column.name;
        column.notNull = table.declaresNotNull(column);
        lines << QLatin1Char('\t') + columnDefinition(column, table.schema, table.name, key, true);
    }
    if (table.primaryKey && !inlineKey) {
        lines << QStringLiteral("\tCONSTRAINT %1 PRIMARY KEY(%2)")
                     .arg(identifier(table.primaryKey->name), SqlQuote::identifierList(table.primaryKey->columns));
    }
    for (const UniqueConstraint &unique : table.uniqueConstraints)
        lines << QStringLiteral("\tCONSTRAINT ") + identifier(unique.name) + QLatin1Char(' ') + uniqueClause(unique);
    for (const CheckConstraint &check : table.checks)
        lines << QStringLiteral("\tCONSTRAINT %1 CHECK (%2)").arg(identifier(check.name), check.expression);
    // Storage options drizzle-kit does not know, from introspected schemas.
    QString options;
    if (!table.partitionKey.isEmpty())
        options += QLatin1String(" PARTITION BY ") + table.partitionKey;
    if (!table.with.isEmpty()) {
        QStringList with;
        for (const auto &option : table.with)
            with << option.first + QLatin1Char('=') + option.second;
        options += QLatin1String(" WITH (") + with.join(QLatin1String(", ")) + QLatin1Char(')');
    }
    // drizzle-kit's layout, trailing newline included, so files compare byte for byte.
    return (table.unlogged ? QStringLiteral("CREATE UNLOGGED TABLE ") : QStringLiteral("CREATE TABLE "))
           + SqlQuote::tableName(table.schema, table.name) + QLatin1String(" (\n") + lines.join(QLatin1String(",\n"))
           + QLatin1String("\n)") + options + QLatin1String(";\n");
}

QString policyRoles(const Policy &policy, const QString &separator)
{
    if (policy.roles.isEmpty())
        return QStringLiteral("public");
    QStringList roles;
    for (const QString &role : policy.roles) {
        static const QStringList keywords{QStringLiteral("current_user"), QStringLiteral("current_role"),
                                          QStringLiteral("session_user"), QStringLiteral("public")};
        roles << (keywords.contains(role) ? role : identifier(role));
    }
    return roles.join(separator);
}

QString policyTable(const Change &change)
{
    // A linked policy names its table as drizzle's "on" does: always qualified.
    return change.linked ? SqlQuote::qualified(change.schema, change.name)
                         : SqlQuote::tableName(change.schema, change.name);
}

QString createPolicy(const Change &change)
{
    const Policy &policy = change.policy;
    QString text = QStringLiteral("CREATE POLICY %1 ON %2 AS %3 FOR %4 TO %5")
                       .arg(identifier(policy.name), policyTable(change),
                            policy.permissive ? QStringLiteral("PERMISSIVE") : QStringLiteral("RESTRICTIVE"),
                            policy.command.toUpper(), policyRoles(policy, QStringLiteral(", ")));
    if (!policy.usingExpression.isEmpty())
        text += QLatin1String(" USING (") + policy.usingExpression + QLatin1Char(')');
    if (!policy.withCheckExpression.isEmpty())
        text += QLatin1String(" WITH CHECK (") + policy.withCheckExpression + QLatin1Char(')');
    return text + QLatin1Char(';');
}

QString alterPolicy(const Change &change)
{
    const Policy &now = change.policy;
    const Policy &old = change.oldPolicy;
    // ALTER POLICY cannot take USING or WITH CHECK away; left out, the old one stays.
    QString text = QStringLiteral("ALTER POLICY %1 ON %2 TO %3")
                       .arg(identifier(old.name), policyTable(change), policyRoles(now, QStringLiteral(",")));
    const QString &usingText = now.usingExpression.isEmpty() ? old.usingExpression : now.usingExpression;
    const QString &checkText = now.withCheckExpression.isEmpty() ? old.withCheckExpression : now.withCheckExpression;
    if (!usingText.isEmpty())
        text += QLatin1String(" USING (") + usingText + QLatin1Char(')');
    if (!checkText.isEmpty())
        text += QLatin1String(" WITH CHECK (") + checkText + QLatin1Char(')');
    return text + QLatin1Char(';');
}

QString addForeignKey(const Change &change)
{
    const ForeignKey &key = change.foreignKey;
    QString onDelete = foreignKeyAction(key.onDelete);
    if (!key.onDeleteSetColumns.isEmpty())
        onDelete += QLatin1String(" (") + SqlQuote::identifierList(key.onDeleteSetColumns, QStringLiteral(", ")) + QLatin1Char(')');
    return alterTable(change)
           + QStringLiteral(" ADD CONSTRAINT %1 FOREIGN KEY (%2) REFERENCES %3(%4)%5 ON DELETE %6 ON UPDATE %7")
                 .arg(identifier(key.name), SqlQuote::identifierList(key.columns),
                      SqlQuote::qualified(key.targetSchema, key.targetTable),
                      SqlQuote::identifierList(key.targetColumns),
                      key.matchFull ? QStringLiteral(" MATCH FULL") : QString(), onDelete,
                      foreignKeyAction(key.onUpdate))
           + deferrable(key.deferrable, key.initiallyDeferred) + (key.notValid ? QStringLiteral(" NOT VALID;") : QStringLiteral(";"));
}

QString createIndex(const Change &change)
{
    const Index &index = change.index;
    QString text = QStringLiteral("CREATE ") + (index.unique ? QStringLiteral("UNIQUE INDEX") : QStringLiteral("INDEX"))
                   + (index.concurrently ? QStringLiteral(" CONCURRENTLY") : QString()) + QLatin1Char(' ')
                   + identifier(index.name) + QLatin1String(" ON ") + SqlQuote::tableName(change.schema, change.name)
                   + QLatin1String(" USING ") + index.method + QLatin1String(" (") + indexKeys(index)
                   + QLatin1Char(')');
    if (!index.include.isEmpty())
        text += QLatin1String(" INCLUDE (") + SqlQuote::identifierList(index.include, QStringLiteral(", ")) + QLatin1Char(')');
    if (!index.with.isEmpty()) {
        QStringList options;
        for (const auto &option : index.with)
            options << option.first + QLatin1Char('=') + option.second;
        text += QLatin1String(" WITH (") + options.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (!index.where.isEmpty())
        text += QLatin1String(" WHERE ") + index.where;
    return text + QLatin1Char(';');
}

QStringList alterColumnType(const Change &change)
{
    const QString type = alteredColumnType(change.column, change.schema, change.name);
    const QString newDefault = columnDefault(change.column, change.schema, change.name);
    const QString setDefault = alterColumn(change) + QLatin1String(" SET DEFAULT ") + newDefault;
    const QString cast = QStringLiteral(" USING ") + identifier(change.item) + QLatin1String("::");
    const QString dropDefault = alterColumn(change) + QLatin1String(" DROP DEFAULT;");
    const bool hadDefault = !columnDefault(change.oldColumn, change.schema, change.name).isEmpty();
    if (change.fromEnum && change.toEnum) {
        const QString alter = alterColumn(change) + QLatin1String(" SET DATA TYPE ") + type + cast
                              + QLatin1String("text::") + type + QLatin1Char(';');
        // The old default is of the old enum type and would not cast: it goes first, also
        // when no new one takes its place.
        const bool otherType = change.oldColumn.type != change.column.type
                               || change.oldColumn.typeSchema != change.column.typeSchema;
        if (otherType && !newDefault.isEmpty())
            return {dropDefault, alter, setDefault + QLatin1Char(';')};
        if (otherType && hadDefault)
            return {dropDefault, alter};
        return {alter};
    }
    if (change.toEnum) {
        QStringList statements;
        if (!newDefault.isEmpty())
            statements << setDefault + QLatin1String("::") + type + QLatin1Char(';');
        else if (hadDefault)
            statements << dropDefault;  // no assignment cast takes the old one to an enum
        statements << alterColumn(change) + QLatin1String(" SET DATA TYPE ") + type + cast + type + QLatin1Char(';');
        return statements;
    }
    QStringList statements{alterColumn(change) + QLatin1String(" SET DATA TYPE ") + type + QLatin1Char(';')};
    if (!newDefault.isEmpty())
        statements << setDefault + QLatin1Char(';');
    return statements;
}

QStringList alterIdentity(const Change &change)
{
    const Identity &old = *change.oldColumn.identity;
    const Identity &now = *change.column.identity;
    QStringList statements;
    const QString prefix = alterColumn(change) + QLatin1String(" SET ");
    if (old.kind != now.kind) {
        statements << prefix
                          + (now.kind == Identity::Kind::Always ? QStringLiteral("GENERATED ALWAYS;")
                                                                : QStringLiteral("GENERATED BY DEFAULT;"));
    }
    const auto option = [&](const char *keyword, const std::optional<qint64> &a, const std::optional<qint64> &b) {
        if (a != b && b)
            statements << prefix + QLatin1String(keyword) + QLatin1Char(' ') + QString::number(*b) + QLatin1Char(';');
    };
    option("MINVALUE", old.minValue, now.minValue);
    option("MAXVALUE", old.maxValue, now.maxValue);
    option("INCREMENT BY", old.increment, now.increment);
    option("START WITH", old.start, now.start);
    option("CACHE", old.cache, now.cache);
    if (old.cycle != now.cycle)
        statements << prefix + (now.cycle ? QStringLiteral("CYCLE;") : QStringLiteral("NO CYCLE;"));
    return statements;
}

} // namespace

QStringList tableStatements(const Change &change)
{
    using Kind = Change::Kind;
    switch (change.kind) {
    case Kind::CreateTable: {
        QStringList statements{createTable(change.table)};
        if (change.table.rlsEnabled || !change.table.policies.isEmpty())
            statements << alterTable(change) + QLatin1String(" ENABLE ROW LEVEL SECURITY;");
        if (change.table.rlsForced)
            statements << alterTable(change) + QLatin1String(" FORCE ROW LEVEL SECURITY;");
        return statements;
    }
    case Kind::DropTable: {
        QStringList statements;
        for (const Policy &policy : change.table.policies) {
            statements << QStringLiteral("DROP POLICY %1 ON %2 CASCADE;")
                              .arg(identifier(policy.name), SqlQuote::tableName(change.schema, change.name));
        }
        return statements << QStringLiteral("DROP TABLE ") + SqlQuote::tableName(change.schema, change.name)
                                 + QLatin1String(" CASCADE;");
    }
    case Kind::MoveTable:
        return {QStringLiteral("ALTER TABLE %1 SET SCHEMA %2;\n")
                    .arg(SqlQuote::qualified(change.schema, change.name), identifier(change.newSchema))};
    case Kind::RenameTable: {
        // PostgreSQL keeps the names it derived from the old table name: a column key's
        // "<old>_pkey" and a serial's "<old>_<column>_seq". drizzle's snapshots cannot hold
        // them, and a later DROP CONSTRAINT "<new>_pkey" would fail, so they follow the table.
        QStringList statements{alterTable(change) + QLatin1String(" RENAME TO ") + identifier(change.newName)
                               + QLatin1Char(';')};
        const Table &old = change.table;
        const QString renamed = SqlQuote::tableName(change.schema, change.newName);
        if (old.hasColumnKey()) {
            statements << QStringLiteral("ALTER TABLE %1 RENAME CONSTRAINT %2 TO %3;")
                              .arg(renamed, identifier(old.primaryKey->name),
                                   identifier(SnapshotTypes::primaryKeyName(change.newName)));
        }
        for (const Column &column : old.columns) {
            if (column.defaultExpression
                && *column.defaultExpression == SnapshotTypes::serialDefault(old.schema, old.name, column.name)) {
                statements << QStringLiteral("ALTER SEQUENCE %1 RENAME TO %2;")
                                  .arg(SqlQuote::qualified(change.schema,
                                                           SnapshotTypes::objectName(old.name, column.name, QStringLiteral("seq"))),
                                       identifier(SnapshotTypes::objectName(change.newName, column.name, QStringLiteral("seq"))));
            }
        }
        return statements;
    }
    case Kind::SetLogged: return {alterTable(change) + QLatin1String(" SET LOGGED;")};
    case Kind::SetUnlogged: return {alterTable(change) + QLatin1String(" SET UNLOGGED;")};
    case Kind::SetTableOptions:
    case Kind::ResetTableOptions: {
        QStringList options;
        for (const auto &option : change.options)
            options << (change.kind == Kind::SetTableOptions ? option.first + QLatin1Char('=') + option.second : option.first);
        return {alterTable(change) + (change.kind == Kind::SetTableOptions ? QLatin1String(" SET (") : QLatin1String(" RESET ("))
                + options.join(QLatin1String(", ")) + QLatin1String(");")};
    }
    case Kind::ForceRls: return {alterTable(change) + QLatin1String(" FORCE ROW LEVEL SECURITY;")};
    case Kind::NoForceRls: return {alterTable(change) + QLatin1String(" NO FORCE ROW LEVEL SECURITY;")};
    case Kind::EnableRls: return {alterTable(change) + QLatin1String(" ENABLE ROW LEVEL SECURITY;")};
    case Kind::DisableRls: return {alterTable(change) + QLatin1String(" DISABLE ROW LEVEL SECURITY;")};
    case Kind::AddColumn:
        return {alterTable(change) + QLatin1String(" ADD COLUMN ")
                + columnDefinition(change.column, change.schema, change.name, !change.inlineColumn.isEmpty(), false)
                + QLatin1Char(';')};
    case Kind::DropColumn:
        return {alterTable(change) + QLatin1String(" DROP COLUMN ") + identifier(change.item) + QLatin1Char(';')};
    case Kind::RenameColumn:
        return {alterTable(change) + QLatin1String(" RENAME COLUMN ") + identifier(change.item) + QLatin1String(" TO ")
                + identifier(change.newName) + QLatin1Char(';')};
    case Kind::AlterColumnType: return alterColumnType(change);
    case Kind::SetDefault:
        return {alterColumn(change) + QLatin1String(" SET DEFAULT ")
                + columnDefault(change.column, change.schema, change.name) + QLatin1Char(';')};
    case Kind::DropDefault: return {alterColumn(change) + QLatin1String(" DROP DEFAULT;")};
    case Kind::SetNotNull: return {alterColumn(change) + QLatin1String(" SET NOT NULL;")};
    case Kind::DropNotNull: return {alterColumn(change) + QLatin1String(" DROP NOT NULL;")};
    case Kind::AddIdentity:
        return {alterColumn(change) + QLatin1String(" ADD") + identityClause(*change.column.identity, change.schema)
                + QLatin1Char(';')};
    case Kind::AlterIdentity: return alterIdentity(change);
    case Kind::DropIdentity: return {alterColumn(change) + QLatin1String(" DROP IDENTITY;")};
    case Kind::RecreateGeneratedColumn: {
        // drizzle-kit's own spelling of the drop, lower case included.
        Column column = change.column;
        column.identity.reset();
        return {alterTable(change) + QLatin1String(" drop column ") + identifier(change.item) + QLatin1Char(';'),
                alterTable(change) + QLatin1String(" ADD COLUMN ")
                    + columnDefinition(column, change.schema, change.name, false, false) + QLatin1Char(';')};
    }
    case Kind::DropGenerated: return {alterColumn(change) + QLatin1String(" DROP EXPRESSION;")};
    case Kind::AddPrimaryKey:
        if (!change.inlineColumn.isEmpty())
            return {alterTable(change) + QLatin1String(" ADD PRIMARY KEY (") + identifier(change.inlineColumn)
                    + QLatin1String(");")};
        return {alterTable(change) + QLatin1String(" ADD CONSTRAINT ") + identifier(change.primaryKey.name)
                + QLatin1String(" PRIMARY KEY(") + SqlQuote::identifierList(change.primaryKey.columns)
                + QLatin1String(");")};
    case Kind::DropPrimaryKey:
    case Kind::DropUnique:
    case Kind::DropCheck:
        return {alterTable(change) + QLatin1String(" DROP CONSTRAINT ") + identifier(change.item) + QLatin1Char(';')};
    case Kind::DropForeignKey:
        return {alterTable(change) + QLatin1String(" DROP CONSTRAINT ") + identifier(change.item)
                + QLatin1String(";\n")};
    case Kind::AddUnique:
        return {alterTable(change) + QLatin1String(" ADD CONSTRAINT ") + identifier(change.unique.name)
                + QLatin1Char(' ') + uniqueClause(change.unique) + QLatin1Char(';')};
    case Kind::AddCheck:
        return {alterTable(change) + QLatin1String(" ADD CONSTRAINT ") + identifier(change.check.name)
                + QLatin1String(" CHECK (") + change.check.expression + QLatin1Char(')')
                + (change.check.notValid ? QStringLiteral(" NOT VALID;") : QStringLiteral(";"))};
    case Kind::AddForeignKey: return {addForeignKey(change)};
    case Kind::CreateIndex: return {createIndex(change)};
    case Kind::DropIndex:
        return {QStringLiteral("DROP INDEX ") + SqlQuote::tableName(change.schema, change.item) + QLatin1Char(';')};
    case Kind::CreatePolicy: return {createPolicy(change)};
    case Kind::DropPolicy:
        return {QStringLiteral("DROP POLICY %1 ON %2 CASCADE;").arg(identifier(change.item), policyTable(change))};
    case Kind::RenamePolicy:
        return {QStringLiteral("ALTER POLICY %1 ON %2 RENAME TO %3;")
                    .arg(identifier(change.item), policyTable(change), identifier(change.newName))};
    case Kind::AlterPolicy: return {alterPolicy(change)};
    default: return {};
    }
}

} // namespace strata::DdlParts
