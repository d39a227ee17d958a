#include "DdlWriter.h"

#include "DdlParts.h"
#include "SchemaDiff.h"
#include "SqlQuote.h"

#include <QSet>

namespace strata {

namespace {

using SqlQuote::identifier;
using SqlQuote::qualified;

QString createEnum(const QString &schema, const QString &name, const QStringList &values)
{
    QStringList labels;
    for (const QString &value : values)
        labels << SqlQuote::literal(value);
    return QStringLiteral("CREATE TYPE ") + qualified(schema, name) + QLatin1String(" AS ENUM(")
           + labels.join(QLatin1String(", ")) + QLatin1String(");");
}

QString dropEnum(const QString &schema, const QString &name)
{
    return QStringLiteral("DROP TYPE ") + qualified(schema, name) + QLatin1Char(';');
}

// A label cannot be removed from an enum: its columns go through text while the type is
// dropped and created again, defaults first cast to text and back.
QStringList recreateEnum(const Change &change)
{
    QStringList statements;
    for (const Change::EnumUse &use : change.enumUses) {
        const QString column = QStringLiteral("ALTER TABLE ") + SqlQuote::tableName(use.tableSchema, use.table)
                               + QLatin1String(" ALTER COLUMN ") + identifier(use.column.name);
        statements << column + QLatin1String(" SET DATA TYPE text;");
        // A default left of the old type would keep it from being dropped.
        if (use.restore && use.column.defaultExpression)
            statements << column + QLatin1String(" SET DEFAULT ") + *use.column.defaultExpression
                              + QLatin1String("::text;");
        else if (use.oldColumn.defaultExpression)
            statements << column + QLatin1String(" DROP DEFAULT;");
    }
    statements << dropEnum(change.schema, change.name) << createEnum(change.schema, change.name, change.enumType.values);
    for (const Change::EnumUse &use : change.enumUses) {
        if (!use.restore)
            continue;
        const QString column = QStringLiteral("ALTER TABLE ") + SqlQuote::tableName(use.tableSchema, use.table)
                               + QLatin1String(" ALTER COLUMN ") + identifier(use.column.name);
        const QString columnType = DdlParts::alteredColumnType(use.column, use.tableSchema, use.table);
        if (use.column.defaultExpression)
            statements << column + QLatin1String(" SET DEFAULT ") + *use.column.defaultExpression + QLatin1String("::")
                              + columnType + QLatin1Char(';');
        statements << column + QLatin1String(" SET DATA TYPE ") + columnType + QLatin1String(" USING ")
                          + identifier(use.column.name) + QLatin1String("::") + columnType + QLatin1Char(';');
    }
    return statements;
}

QString sequenceOptions(const Sequence &sequence)
{
    QString text = QStringLiteral(" INCREMENT BY %1 MINVALUE %2 MAXVALUE %3 START WITH %4 CACHE %5")
                       .arg(QString::number(sequence.increment), QString::number(sequence.minValue),
                            QString::number(sequence.maxValue), QString::number(sequence.start),
                            QString::number(sequence.cache));
    if (sequence.cycle)
        text += QLatin1String(" CYCLE");
    return text;
}

QString roleOptions(const Role &role, bool alter)
{
    if (alter) {
        return QStringLiteral(" WITH") + (role.createDb ? QStringLiteral(" CREATEDB") : QStringLiteral(" NOCREATEDB"))
               + (role.createRole ? QStringLiteral(" CREATEROLE") : QStringLiteral(" NOCREATEROLE"))
               + (role.inherit ? QStringLiteral(" INHERIT") : QStringLiteral(" NOINHERIT"));
    }
    if (!role.createDb && !role.createRole && role.inherit)
        return {};
    return QStringLiteral(" WITH") + (role.createDb ? QStringLiteral(" CREATEDB") : QString())
           + (role.createRole ? QStringLiteral(" CREATEROLE") : QString())
           + (role.inherit ? QString() : QStringLiteral(" NOINHERIT"));
}

QString viewKind(const View &view)
{
    return view.materialized ? QStringLiteral("MATERIALIZED VIEW ") : QStringLiteral("VIEW ");
}

QString createView(const View &view)
{
    QString text = QStringLiteral("CREATE ") + viewKind(view) + qualified(view.schema, view.name);
    if (!view.usingMethod.isEmpty())
        text += QLatin1String(" USING ") + identifier(view.usingMethod);
    if (!view.with.isEmpty()) {
        QStringList options;
        for (const auto &option : view.with)
            options << option.first + QLatin1String(" = ") + option.second;
        text += QLatin1String(" WITH (") + options.join(QLatin1String(", ")) + QLatin1Char(')');
    }
    if (!view.tablespace.isEmpty())
        text += QLatin1String(" TABLESPACE ") + view.tablespace;
    text += QLatin1String(" AS (") + view.definition + QLatin1Char(')');
    if (view.withNoData)
        text += QLatin1String(" WITH NO DATA");
    return text + QLatin1Char(';');
}

QStringList statements(const Change &change)
{
    using Kind = Change::Kind;
    const View &view = change.view;
    switch (change.kind) {
    case Kind::CreateSchema: return {QStringLiteral("CREATE SCHEMA ") + identifier(change.schema) + QLatin1String(";\n")};
    case Kind::RenameSchema:
        return {QStringLiteral("ALTER SCHEMA ") + identifier(change.schema) + QLatin1String(" RENAME TO ")
                + identifier(change.newName) + QLatin1String(";\n")};
    case Kind::DropSchema: return {QStringLiteral("DROP SCHEMA ") + identifier(change.schema) + QLatin1String(";\n")};
    case Kind::CreateEnum: return {createEnum(change.schema, change.name, change.enumType.values)};
    case Kind::MoveEnum:
        return {QStringLiteral("ALTER TYPE ") + qualified(change.schema, change.name) + QLatin1String(" SET SCHEMA ")
                + identifier(change.newSchema) + QLatin1Char(';')};
    case Kind::RenameEnum:
        return {QStringLiteral("ALTER TYPE ") + qualified(change.schema, change.name) + QLatin1String(" RENAME TO ")
                + identifier(change.newName) + QLatin1Char(';')};
    case Kind::AddEnumValue:
        return {QStringLiteral("ALTER TYPE ") + qualified(change.schema, change.name) + QLatin1String(" ADD VALUE ")
                + SqlQuote::literal(change.value)
                + (change.before.isEmpty() ? QString() : QLatin1String(" BEFORE ") + SqlQuote::literal(change.before))
                + QLatin1Char(';')};
    case Kind::RecreateEnum: return recreateEnum(change);
    case Kind::DropEnum: return {dropEnum(change.schema, change.name)};
    case Kind::CreateSequence:
        return {QStringLiteral("CREATE SEQUENCE ") + qualified(change.schema, change.name)
                + sequenceOptions(change.sequence) + QLatin1Char(';')};
    case Kind::MoveSequence:
        return {QStringLiteral("ALTER SEQUENCE ") + qualified(change.schema, change.name) + QLatin1String(" SET SCHEMA ")
                + identifier(change.newSchema) + QLatin1Char(';')};
    case Kind::RenameSequence:
        return {QStringLiteral("ALTER SEQUENCE ") + qualified(change.schema, change.name) + QLatin1String(" RENAME TO ")
                + identifier(change.newName) + QLatin1Char(';')};
    case Kind::AlterSequence:
        // Left out, CYCLE stays: drizzle-kit's text never stops a sequence cycling.
        return {QStringLiteral("ALTER SEQUENCE ") + qualified(change.schema, change.name)
                + sequenceOptions(change.sequence)
                + (change.oldSequence.cycle && !change.sequence.cycle ? QLatin1String(" NO CYCLE") : QLatin1String())
                + QLatin1Char(';')};
    case Kind::DropSequence:
        return {QStringLiteral("DROP SEQUENCE ") + qualified(change.schema, change.name) + QLatin1Char(';')};
    case Kind::CreateRole:
        return {QStringLiteral("CREATE ROLE ") + identifier(change.name) + roleOptions(change.role, false)
                + QLatin1Char(';')};
    case Kind::RenameRole:
        return {QStringLiteral("ALTER ROLE ") + identifier(change.name) + QLatin1String(" RENAME TO ")
                + identifier(change.newName) + QLatin1Char(';')};
    case Kind::AlterRole:
        return {QStringLiteral("ALTER ROLE ") + identifier(change.name) + roleOptions(change.role, true)
                + QLatin1Char(';')};
    case Kind::DropRole: return {QStringLiteral("DROP ROLE ") + identifier(change.name) + QLatin1Char(';')};
    case Kind::CreateView: return {createView(view)};
    case Kind::DropView:
        return {QStringLiteral("DROP ") + viewKind(view) + qualified(change.schema, change.name) + QLatin1Char(';')};
    case Kind::RenameView:
        return {QStringLiteral("ALTER ") + viewKind(view) + qualified(change.schema, change.name)
                + QLatin1String(" RENAME TO ") + identifier(change.newName) + QLatin1Char(';')};
    case Kind::MoveView:
        return {QStringLiteral("ALTER ") + viewKind(view) + qualified(change.schema, change.name)
                + QLatin1String(" SET SCHEMA ") + identifier(change.newSchema) + QLatin1Char(';')};
    case Kind::SetViewOptions:
    case Kind::ResetViewOptions: {
        QStringList options;
        for (const auto &option : change.options) {
            options << (change.kind == Kind::SetViewOptions ? option.first + QLatin1String(" = ") + option.second
                                                            : option.first);
        }
        return {QStringLiteral("ALTER ") + viewKind(view) + qualified(change.schema, change.name)
                + (change.kind == Kind::SetViewOptions ? QLatin1String(" SET (") : QLatin1String(" RESET ("))
                + options.join(QLatin1String(", ")) + QLatin1String(");")};
    }
    case Kind::SetViewTablespace:
        return {QStringLiteral("ALTER MATERIALIZED VIEW ") + qualified(change.schema, change.name)
                + QLatin1String(" SET TABLESPACE ")
                + (view.tablespace.isEmpty() ? QStringLiteral("pg_default") : view.tablespace) + QLatin1Char(';')};
    case Kind::SetViewAccessMethod:
        return {QStringLiteral("ALTER MATERIALIZED VIEW ") + qualified(change.schema, change.name)
                + QLatin1String(" SET ACCESS METHOD ")
                + identifier(view.usingMethod.isEmpty() ? QStringLiteral("heap") : view.usingMethod) + QLatin1Char(';')};
    case Kind::SetComment: {
        QString target = SqlQuote::qualified(change.schema, change.name);
        if (!change.item.isEmpty())
            target += QLatin1Char('.') + identifier(change.item);
        return {QStringLiteral("COMMENT ON %1 %2 IS %3;")
                    .arg(change.commentOn, target,
                         change.value.isEmpty() ? QStringLiteral("NULL") : SqlQuote::literal(change.value))};
    }
    default: return DdlParts::tableStatements(change);
    }
}

} // namespace

QStringList DdlWriter::write(const ChangeSet &changes)
{
    QStringList result;
    QSet<QString> written;
    for (const Change &change : changes.changes) {
        for (const QString &statement : statements(change)) {
            // drizzle-kit writes a statement that two changes produce once (a table's
            // RLS switched on by its first policy and by its own flag, say).
            if (!written.contains(statement)) {
                written.insert(statement);
                result << statement;
            }
        }
    }
    return result;
}

QString DdlWriter::join(const QStringList &statements)
{
    return statements.join(breakpoint());
}

QStringList DdlWriter::up(const Schema &from, const Schema &to, const RenameDecisions &renames)
{
    return write(SchemaDiff::compare(from, to, renames));
}

QStringList DdlWriter::down(const Schema &from, const Schema &to, const RenameDecisions &renames)
{
    return write(SchemaDiff::compare(to, from, renames.inverted()));
}

} // namespace strata
