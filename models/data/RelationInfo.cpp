#include "RelationInfo.h"

#include "ColumnKind.h"
#include "Tr.h"
#include "schema/Schema.h"
#include "schema/SqlQuote.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace strata {

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

// What the grid needs to know of a type, from the data layer's own classification
// (ColumnKind); a domain, which that does not know, by its base type's pg_type.typcategory.
RelationColumn::Kind kindOf(const Column &column, const QString &baseCategory, bool isEnum)
{
    using Kind = RelationColumn::Kind;
    if (column.arrayDimensions > 0)
        return Kind::Other;
    if (isEnum)
        return Kind::Enum;
    switch (ColumnKind::of(column).category) {
    case ColumnKind::Category::Boolean: return Kind::Boolean;
    case ColumnKind::Category::Integer: return Kind::Integer;
    case ColumnKind::Category::Numeric: return Kind::Numeric;
    case ColumnKind::Category::Float: return Kind::Float;
    case ColumnKind::Category::Text: return Kind::Text;
    case ColumnKind::Category::Json:
    case ColumnKind::Category::Jsonb: return Kind::Json;
    default: break;
    }
    if (baseCategory == u"B")
        return Kind::Boolean;
    if (baseCategory == u"S")
        return Kind::Text;
    return Kind::Other;
}

} // namespace

Column RelationColumn::toColumn() const
{
    Column column;
    column.name = name;
    column.type = type;
    column.notNull = notNull;
    return column;
}

QList<Column> RelationInfo::schemaColumns() const
{
    QList<Column> list;
    for (const RelationColumn &c : columns)
        list << c.toColumn();
    return list;
}

RelationInfo RelationInfo::fromSchema(const Schema &schema, const QString &schemaName, const QString &name,
                                      double estimatedRows)
{
    RelationInfo info;
    const Table *table = schema.table(schemaName, name);
    const View *view = table ? nullptr : schema.view(schemaName, name);
    if (!table && !view)
        return info;
    info.schema = schemaName;
    info.name = name;
    info.estimatedRows = estimatedRows;
    info.canSelect = true;
    info.kind = table ? (table->kind == Table::Kind::Partitioned ? u'p' : u'r') : (view->materialized ? u'm' : u'v');
    for (const Column &c : table ? table->columns : view->columns) {
        RelationColumn column;
        column.name = c.name;
        column.type = c.type + QStringLiteral("[]").repeated(c.arrayDimensions);
        const Enum *enumType = c.typeSchema.isEmpty() ? nullptr : schema.enumType(c.typeSchema, c.type);
        if (enumType)
            column.enumValues = enumType->values;
        column.kind = kindOf(c, {}, enumType != nullptr);
        column.notNull = c.notNull;
        column.hasDefault = c.defaultExpression.has_value() || c.identity.has_value();
        column.generated = c.generatedExpression.has_value()
            || (c.identity && c.identity->kind == Identity::Kind::Always);
        info.columns << column;
    }
    if (!table)
        return info;
    if (table->primaryKey)
        info.primaryKey = table->primaryKey->columns;
    for (const ForeignKey &fk : table->foreignKeys)
        info.foreignKeys << RelationLink{fk.name, fk.columns, fk.targetSchema, fk.targetTable, fk.targetColumns};
    for (const Table &other : schema.tables) {
        for (const ForeignKey &fk : other.foreignKeys) {
            if (fk.targetSchema == schemaName && fk.targetTable == name)
                info.referencedBy << RelationLink{fk.name, fk.targetColumns, other.schema, other.name, fk.columns};
        }
    }
    return info;
}

bool RelationInfo::sameShape(const RelationInfo &other) const
{
    if (kind != other.kind || primaryKey != other.primaryKey || columns.size() != other.columns.size())
        return false;
    for (int i = 0; i < columns.size(); ++i) {
        if (columns[i].name != other.columns[i].name || columns[i].type != other.columns[i].type)
            return false;
    }
    return true;
}

int RelationInfo::columnIndex(const QString &column) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns[i].name == column)
            return i;
    }
    return -1;
}

QString RelationInfo::qualifiedName() const
{
    return SqlQuote::qualified(schema, name);
}

QString RelationInfo::readOnlyReason() const
{
    if (kind == u'v')
        return Tr::tr("A view: its rows are read-only here.");
    if (kind == u'm')
        return Tr::tr("A materialized view: its rows are read-only (REFRESH MATERIALIZED VIEW changes them).");
    if (!isTable())
        return Tr::tr("Rows of this kind of relation are read-only here.");
    if (primaryKey.isEmpty())
        return Tr::tr("No primary key: a changed row could not be told apart from its duplicates, so the table is read-only.");
    if (!canUpdate && !canInsert && !canDelete)
        return Tr::tr("You may read this table but not change it (no UPDATE, INSERT or DELETE privilege).");
    return {};
}

Query RelationInfo::query(const QString &schema, const QString &name)
{
    // One statement, one JSON document: the browser needs all of it before the first page.
    static const QString sql = QStringLiteral(R"SQL(
WITH rel AS (
  SELECT c.oid, c.relkind, c.reltuples
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND c.relname = $2
)
SELECT json_build_object(
  'kind', rel.relkind,
  'rows', CASE WHEN rel.relkind IN ('r', 'm', 'p') THEN rel.reltuples::float8 ELSE -1 END,
  'select', has_table_privilege(rel.oid, 'SELECT'),
  'insert', has_table_privilege(rel.oid, 'INSERT'),
  'update', has_table_privilege(rel.oid, 'UPDATE'),
  'delete', has_table_privilege(rel.oid, 'DELETE'),
  'columns', (SELECT json_agg(json_build_object(
      'name', a.attname,
      'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
      'category', bt.typcategory,
      'base', pg_catalog.format_type(et.oid, CASE WHEN t.typcategory = 'A' THEN NULL ELSE a.atttypmod END),
      'builtin', et.typnamespace = 'pg_catalog'::regnamespace,
      'array', t.typcategory = 'A',
      'enum', et.typtype = 'e',
      'labels', (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e
                 WHERE e.enumtypid = et.oid),
      'notnull', a.attnotnull,
      'default', a.atthasdef OR a.attidentity <> '',
      'generated', a.attgenerated <> '' OR a.attidentity = 'a') ORDER BY a.attnum)
    FROM pg_catalog.pg_attribute a
    JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
    JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
    JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN et.typtype = 'd' THEN et.typbasetype ELSE et.oid END
    WHERE a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped),
  'pk', (SELECT json_agg(a.attname ORDER BY k.ord)
    FROM pg_catalog.pg_constraint con, unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = rel.oid AND a.attnum = k.attnum
    WHERE con.conrelid = rel.oid AND con.contype = 'p'),
  'fks', (SELECT json_agg(json_build_object(
      'name', con.conname,
      'columns', (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
      'schema', fn.nspname, 'table', fc.relname,
      'other', (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum))
      ORDER BY con.conname)
    FROM pg_catalog.pg_constraint con
    JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
    JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
    WHERE con.conrelid = rel.oid AND con.contype = 'f'),
  'refs', (SELECT json_agg(json_build_object(
      'name', con.conname,
      'columns', (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum),
      'schema', rn.nspname, 'table', rc.relname,
      'other', (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum))
      ORDER BY rn.nspname, rc.relname, con.conname)
    FROM pg_catalog.pg_constraint con
    JOIN pg_catalog.pg_class rc ON rc.oid = con.conrelid
    JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
    WHERE con.confrelid = rel.oid AND con.contype = 'f')
)::text FROM rel)SQL");
    return {sql, {schema, name}};
}

RelationInfo RelationInfo::fromResult(const QueryResult &result, QString *error)
{
    RelationInfo info;
    if (result.rowCount() == 0) {
        *error = Tr::tr("The relation does not exist (any more).");
        return info;
    }
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(result.value(0, 0).toUtf8(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        *error = parseError.errorString();
        return info;
    }
    {
        const QString kind = object.value(u"kind").toString();
        info.kind = kind.isEmpty() ? QChar() : kind.front();
    }
    info.estimatedRows = object.value(u"rows").toDouble(-1);
    info.canSelect = object.value(u"select").toBool();
    info.canInsert = object.value(u"insert").toBool();
    info.canUpdate = object.value(u"update").toBool();
    info.canDelete = object.value(u"delete").toBool();
    for (const QJsonValue &value : object.value(u"columns").toArray()) {
        const QJsonObject c = value.toObject();
        RelationColumn column;
        column.name = c.value(u"name").toString();
        column.type = c.value(u"type").toString();
        column.enumValues = strings(c.value(u"labels"));
        Column typed;
        typed.type = c.value(u"base").toString();
        // Not pg_catalog's: ColumnKind must not take a user type for the built-in of that name.
        if (!c.value(u"builtin").toBool())
            typed.typeSchema = QStringLiteral("-");
        typed.arrayDimensions = c.value(u"array").toBool() ? 1 : 0;
        column.kind = kindOf(typed, c.value(u"category").toString(), c.value(u"enum").toBool());
        column.notNull = c.value(u"notnull").toBool();
        column.hasDefault = c.value(u"default").toBool();
        column.generated = c.value(u"generated").toBool();
        info.columns << column;
    }
    info.primaryKey = strings(object.value(u"pk"));
    auto links = [](const QJsonValue &value) {
        QList<RelationLink> list;
        for (const QJsonValue &item : value.toArray()) {
            const QJsonObject l = item.toObject();
            list << RelationLink{l.value(u"name").toString(), strings(l.value(u"columns")),
                                 l.value(u"schema").toString(), l.value(u"table").toString(),
                                 strings(l.value(u"other"))};
        }
        return list;
    };
    info.foreignKeys = links(object.value(u"fks"));
    info.referencedBy = links(object.value(u"refs"));
    return info;
}

} // namespace strata
