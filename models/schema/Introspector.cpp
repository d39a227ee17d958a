#include "Introspector.h"

#include "DefaultSpelling.h"
#include "SnapshotTypes.h"
#include "Tr.h"

#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <algorithm>

namespace strata {

namespace {

// Every query takes $1, the schema names as a text[] literal, or NULL for "all but the
// system schemas". Schemas that an extension created are never read.
const char *const namespaceFilter = R"SQL(
    CASE WHEN $1::text[] IS NULL
         THEN pg_catalog.left(n.nspname, 3) <> 'pg_' AND n.nspname <> 'information_schema'
         ELSE n.nspname = ANY ($1::text[]) END
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                     WHERE e.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                       AND e.objid = n.oid AND e.deptype = 'e'))SQL";

// Tables, views and sequences that an extension created (CREATE EXTENSION …) are its own.
const char *const notInExtension = R"SQL(
    NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                 WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                   AND e.objid = c.oid AND e.deptype = 'e'))SQL";

const char *const schemasSql = R"SQL(
SELECT n.nspname AS name
  FROM pg_catalog.pg_namespace n
 WHERE {NAMESPACE}
 ORDER BY n.nspname
)SQL";

// relam is 0 for tables before PostgreSQL 12, and default_table_access_method is missing
// there; current_setting(…, true) then gives NULL and NULLIF keeps the (absent) method.
const char *const relationsSql = R"SQL(
SELECT c.oid AS relid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
       c.relpersistence = 'u' AS unlogged,
       c.relrowsecurity AS rls_enabled, c.relforcerowsecurity AS rls_forced,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
       pn.nspname AS parent_schema, pc.relname AS parent_name,
       CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       pg_catalog.array_to_json(c.reloptions) AS options,
       ts.spcname AS tablespace,
       NULLIF(am.amname, pg_catalog.current_setting('default_table_access_method', true)) AS access_method,
       c.relispopulated AS populated,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid) END AS definition,
       d.description AS comment
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
  LEFT JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
  LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
  LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = c.reltablespace
  LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
  LEFT JOIN pg_catalog.pg_description d
         ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = c.oid AND d.objsubid = 0
 WHERE c.relkind IN ('r', 'p', 'v', 'm') AND {NAMESPACE} AND {NOT_IN_EXTENSION}
 ORDER BY n.nspname, c.relname
)SQL";

// The element type of an array is the one whose typarray points back (int2vector and
// oidvector have a typelem too but are not arrays). A type outside pg_catalog is named bare,
// with its schema apart; a type modifier (PostGIS's geometry(Point,4326)) is what
// format_type prints after the name.
const char *const columnsSql = R"SQL(
SELECT a.attrelid AS relid, a.attnum, a.attname AS name,
       CASE WHEN tn.nspname = 'pg_catalog' THEN pg_catalog.format_type(bt.oid, a.atttypmod)
            ELSE bt.typname || pg_catalog.substr(pg_catalog.format_type(bt.oid, a.atttypmod),
                                                 pg_catalog.length(pg_catalog.format_type(bt.oid, NULL)) + 1)
       END AS type,
       CASE WHEN tn.nspname <> 'pg_catalog' THEN tn.nspname END AS type_schema,
       CASE WHEN et.oid IS NOT NULL THEN GREATEST(a.attndims, 1) ELSE 0 END AS dimensions,
       a.attnotnull AS not_null,
       CASE WHEN {GENERATED} = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS default_expr,
       CASE WHEN {GENERATED} <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generated_expr,
       a.attidentity::text AS identity,
       CASE WHEN a.attcollation <> bt.typcollation THEN co.collname END AS collation,
       CASE WHEN a.attcollation <> bt.typcollation AND cn.nspname <> 'pg_catalog' THEN cn.nspname END
           AS collation_schema,
       d.description AS comment
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND et.typarray = t.oid
  JOIN pg_catalog.pg_type bt ON bt.oid = COALESCE(et.oid, t.oid)
  JOIN pg_catalog.pg_namespace tn ON tn.oid = bt.typnamespace
  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
  LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
  LEFT JOIN pg_catalog.pg_description d
         ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = a.attrelid
        AND d.objsubid = a.attnum
 WHERE a.attnum > 0 AND NOT a.attisdropped
   AND c.relkind IN ('r', 'p', 'v', 'm') AND {NAMESPACE} AND {NOT_IN_EXTENSION}
 ORDER BY a.attrelid, a.attnum
)SQL";

// Only the constraint kinds the model has; PostgreSQL 18 adds NOT NULL rows ('n'), which
// stay with Column::notNull. A partition's copies of its parent's constraints (conparentid)
// and inherited checks (not conislocal) come from the parent's DDL.
const char *const constraintsSql = R"SQL(
SELECT co.conrelid AS relid, co.conname AS name, co.contype::text AS type,
       (SELECT pg_catalog.json_agg(a.attname ORDER BY k.ord)
          FROM pg_catalog.unnest(co.conkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.attnum) AS columns,
       fn.nspname AS target_schema, fc.relname AS target_table,
       (SELECT pg_catalog.json_agg(a.attname ORDER BY k.ord)
          FROM pg_catalog.unnest(co.confkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.attnum) AS target_columns,
       {DELETE_SET_COLUMNS} AS delete_set_columns,
       co.confupdtype::text AS on_update, co.confdeltype::text AS on_delete,
       co.confmatchtype::text AS match_type,
       co.condeferrable AS deferrable, co.condeferred AS deferred, co.convalidated AS validated,
       CASE WHEN co.contype = 'c' THEN pg_catalog.pg_get_expr(co.conbin, co.conrelid) END AS expression,
       COALESCE({CONSTRAINT_NULLS_NOT_DISTINCT}, false) AS nulls_not_distinct
  FROM pg_catalog.pg_constraint co
  JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_class fc ON fc.oid = co.confrelid
  LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
  LEFT JOIN pg_catalog.pg_index ix ON co.contype = 'u' AND ix.indexrelid = co.conindid
 WHERE co.contype IN ('p', 'u', 'f', 'c') AND c.relkind IN ('r', 'p')
   AND {CONPARENTID} = 0 AND (co.contype <> 'c' OR co.conislocal)
   AND {NAMESPACE} AND {NOT_IN_EXTENSION}
 ORDER BY co.conrelid, co.conname
)SQL";

// One row per index, keys as JSON in key order. int2vector/oidvector subscripts start at 0;
// indoption, indclass and indcollation cover key columns only, so INCLUDE columns read NULL
// there. An opclass is named only when it is not the default one; a key's collation only
// when it differs from the column's (for an expression: from its type's default).
const char *const indexesSql = R"SQL(
SELECT i.indrelid AS relid, ic.relname AS name, i.indisunique AS is_unique,
       {INDEX_NULLS_NOT_DISTINCT} AS nulls_not_distinct, am.amname AS method,
       {NKEYATTS} AS key_count,
       (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                   'column', a.attname,
                   'expression', CASE WHEN i.indkey[k.n - 1] = 0
                                      THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.n, false) END,
                   'option', i.indoption[k.n - 1],
                   'opclass', CASE WHEN NOT oc.opcdefault THEN oc.opcname END,
                   'collation', CASE WHEN i.indcollation[k.n - 1] <> COALESCE(a.attcollation, kt.typcollation)
                                     THEN ico.collname END)
               ORDER BY k.n)
          FROM pg_catalog.generate_series(1, i.indnatts) AS k(n)
          LEFT JOIN pg_catalog.pg_attribute a
                 ON i.indkey[k.n - 1] <> 0 AND a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1]
          LEFT JOIN pg_catalog.pg_attribute ka ON ka.attrelid = i.indexrelid AND ka.attnum = k.n
          LEFT JOIN pg_catalog.pg_type kt ON kt.oid = ka.atttypid
          LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = i.indclass[k.n - 1]
          LEFT JOIN pg_catalog.pg_collation ico ON ico.oid = i.indcollation[k.n - 1]) AS keys,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
       pg_catalog.array_to_json(ic.reloptions) AS options
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_catalog.pg_am am ON am.oid = ic.relam
 WHERE c.relkind IN ('r', 'p', 'm') AND {NAMESPACE} AND {NOT_IN_EXTENSION}
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                    WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                      AND k.contype IN ('p', 'u', 'x'))
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)
 ORDER BY i.indrelid, ic.relname
)SQL";

const char *const enumsSql = R"SQL(
SELECT n.nspname AS schema, t.typname AS name,
       (SELECT pg_catalog.json_agg(v.enumlabel ORDER BY v.enumsortorder)
          FROM pg_catalog.pg_enum v WHERE v.enumtypid = t.oid) AS labels,
       d.description AS comment
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN pg_catalog.pg_description d
         ON d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objoid = t.oid AND d.objsubid = 0
 WHERE t.typtype = 'e' AND {NAMESPACE}
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                    WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
                      AND e.objid = t.oid AND e.deptype = 'e')
 ORDER BY n.nspname, t.typname
)SQL";

// The owning column: deptype 'i' for an identity's sequence, 'a' for OWNED BY (serial).
const char *const sequencesSql = R"SQL(
SELECT n.nspname AS schema, c.relname AS name,
       pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
       s.seqincrement AS increment, s.seqstart AS start, s.seqmin AS min_value,
       s.seqmax AS max_value, s.seqcache AS cache, s.seqcycle AS cycle,
       dep.deptype::text AS owner_kind, dep.refobjid AS owner_relid, dep.refobjsubid AS owner_attnum,
       oc.relname AS owner_table, oa.attname AS owner_column,
       d.description AS comment
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
  LEFT JOIN pg_catalog.pg_depend dep
         ON dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dep.objid = c.oid
        AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dep.refobjsubid > 0
        AND dep.deptype IN ('a', 'i')
  LEFT JOIN pg_catalog.pg_class oc ON oc.oid = dep.refobjid
  LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = dep.refobjid AND oa.attnum = dep.refobjsubid
  LEFT JOIN pg_catalog.pg_description d
         ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = c.oid AND d.objsubid = 0
 WHERE c.relkind = 'S' AND {NAMESPACE} AND {NOT_IN_EXTENSION}
 ORDER BY n.nspname, c.relname
)SQL";

// polroles holds 0 for PUBLIC.
const char *const policiesSql = R"SQL(
SELECT p.polrelid AS relid, p.polname AS name, p.polpermissive AS permissive,
       p.polcmd::text AS command,
       (SELECT pg_catalog.json_agg(COALESCE(r.rolname, 'public') ORDER BY r.rolname NULLS FIRST)
          FROM pg_catalog.unnest(p.polroles) AS u(oid)
          LEFT JOIN pg_catalog.pg_roles r ON r.oid = u.oid) AS roles,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr
  FROM pg_catalog.pg_policy p
  JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE {NAMESPACE} AND {NOT_IN_EXTENSION}
 ORDER BY p.polrelid, p.polname
)SQL";

// A text[] literal: every element double-quoted, with " and \ escaped.
QString arrayLiteral(const QStringList &items)
{
    QStringList quoted;
    for (QString item : items) {
        item.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        item.replace(QLatin1Char('"'), QLatin1String("\\\""));
        quoted << QLatin1Char('"') + item + QLatin1Char('"');
    }
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

QString quoteIdent(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// PostgreSQL orders names ("C" collation) by their UTF-8 bytes, which is code point order;
// comparing QStrings would order UTF-16 surrogates differently.
bool nameLess(const QString &a, const QString &b)
{
    return a.toUtf8() < b.toUtf8();
}

template <typename T>
void sortByName(QList<T> &list)
{
    std::stable_sort(list.begin(), list.end(), [](const T &a, const T &b) { return nameLess(a.name, b.name); });
}

template <typename T>
void sortBySchemaAndName(QList<T> &list)
{
    std::stable_sort(list.begin(), list.end(), [](const T &a, const T &b) {
        if (a.schema != b.schema)
            return nameLess(a.schema, b.schema);
        return nameLess(a.name, b.name);
    });
}

// Reads one result by column name; a missing column reads as NULL, so results of older
// query versions (or hand-made ones in tests) need not have every column.
class Rows
{
public:
    explicit Rows(const QueryResult &result) : m_result(result) {}

    int count() const { return m_result.rowCount(); }
    bool isNull(int row, const char *column) const
    {
        const int c = index(column);
        return c < 0 || m_result.isNull(row, c);
    }
    QString text(int row, const char *column) const
    {
        const int c = index(column);
        return c < 0 ? QString() : m_result.value(row, c);
    }
    bool flag(int row, const char *column) const { return text(row, column) == QLatin1String("t"); }
    qint64 number(int row, const char *column) const { return text(row, column).toLongLong(); }
    QJsonArray array(int row, const char *column) const
    {
        return QJsonDocument::fromJson(text(row, column).toUtf8()).array();
    }
    QStringList strings(int row, const char *column) const
    {
        QStringList out;
        const QJsonArray items = array(row, column);
        for (const QJsonValue &item : items)
            out << item.toString();
        return out;
    }
    // reloptions: "key=value" strings, split at the first '='.
    QList<QPair<QString, QString>> options(int row, const char *column) const
    {
        QList<QPair<QString, QString>> out;
        for (const QString &option : strings(row, column)) {
            const qsizetype eq = option.indexOf(QLatin1Char('='));
            if (eq < 0)
                out.append({option, QString()});
            else
                out.append({option.left(eq), option.mid(eq + 1)});
        }
        return out;
    }

private:
    int index(const char *column) const { return m_result.columnIndex(QLatin1String(column)); }

    const QueryResult &m_result;
};

ForeignKeyAction actionFrom(const QString &code)
{
    switch (code.isEmpty() ? u'a' : code.front().unicode()) {
    case u'r': return ForeignKeyAction::Restrict;
    case u'c': return ForeignKeyAction::Cascade;
    case u'n': return ForeignKeyAction::SetNull;
    case u'd': return ForeignKeyAction::SetDefault;
    default: return ForeignKeyAction::NoAction;
    }
}

QString policyCommand(const QString &code)
{
    switch (code.isEmpty() ? u'*' : code.front().unicode()) {
    case u'r': return QStringLiteral("SELECT");
    case u'a': return QStringLiteral("INSERT");
    case u'w': return QStringLiteral("UPDATE");
    case u'd': return QStringLiteral("DELETE");
    default: return QStringLiteral("ALL");
    }
}

// Where a relation's rows go while the model is built: a table or a view, by relid.
struct Owner {
    bool isView = false;
    qsizetype index = 0;
    QMap<int, Column> columns;  // by attnum, so they come out in attnum order
};

// A serial column's sequence is part of the column, the way drizzle sees it (type "serial",
// no sequence of its own), like an identity's: left out when the column's default is the
// nextval() PostgreSQL gives a serial, so a renamed or shared sequence stays listed.
void removeSerialSequences(Schema &schema)
{
    schema.sequences.removeIf([&](const Sequence &sequence) {
        for (const Table &table : std::as_const(schema.tables)) {
            if (table.schema != sequence.schema || !sequence.ownedBy.startsWith(table.name + QLatin1Char('.')))
                continue;
            const QString columnName = sequence.ownedBy.mid(table.name.size() + 1);
            const Column *column = table.column(columnName);
            if (column && column->defaultExpression
                && sequence.name == SnapshotTypes::objectName(table.name, columnName, QStringLiteral("seq"))
                && *column->defaultExpression == SnapshotTypes::serialDefault(table.schema, table.name, columnName))
                return true;
        }
        return false;
    });
}

// drizzle-orm's bookkeeping table, its serial's sequence, and then its schema if that holds
// nothing else.
void removeDrizzleBookkeeping(Schema &schema, const QString &tableName)
{
    QStringList emptiedSchemas;
    for (qsizetype t = schema.tables.size() - 1; t >= 0; --t) {
        const Table table = schema.tables.at(t);
        if (table.name != tableName)
            continue;
        schema.tables.removeAt(t);
        schema.sequences.removeIf([&](const Sequence &sequence) {
            if (sequence.schema != table.schema)
                return false;
            return std::any_of(table.columns.cbegin(), table.columns.cend(), [&](const Column &column) {
                return sequence.ownedBy == table.name + QLatin1Char('.') + column.name;
            });
        });
        emptiedSchemas << table.schema;
    }
    for (const QString &name : emptiedSchemas) {
        auto inSchema = [&](const auto &item) { return item.schema == name; };
        const bool used = std::any_of(schema.tables.cbegin(), schema.tables.cend(), inSchema)
            || std::any_of(schema.views.cbegin(), schema.views.cend(), inSchema)
            || std::any_of(schema.enums.cbegin(), schema.enums.cend(), inSchema)
            || std::any_of(schema.sequences.cbegin(), schema.sequences.cend(), inSchema);
        if (!used)
            schema.schemas.removeAll(name);
    }
}

} // namespace

Introspector::Introspector(QObject *parent)
    : QObject(parent)
{
    static const bool registered = [] {
        qRegisterMetaType<strata::Schema>();
        return true;
    }();
    Q_UNUSED(registered);
}

Introspector::~Introspector()
{
    stop();
}

QList<Query> Introspector::queries(int serverVersion, const IntrospectOptions &options)
{
    const bool v11 = serverVersion >= 110000;
    const bool v12 = serverVersion >= 120000;
    const bool v15 = serverVersion >= 150000;
    const QString param = options.schemas.isEmpty() ? QString() : arrayLiteral(options.schemas);

    auto build = [&](const char *templ) {
        QString sql = QString::fromUtf8(templ);
        sql.replace(QLatin1String("{NAMESPACE}"), QLatin1String(namespaceFilter));
        sql.replace(QLatin1String("{NOT_IN_EXTENSION}"), QLatin1String(notInExtension));
        // Columns that appeared after PostgreSQL 10, each with what older servers mean.
        sql.replace(QLatin1String("{GENERATED}"),
                    v12 ? QLatin1String("a.attgenerated") : QLatin1String("''::\"char\""));
        sql.replace(QLatin1String("{CONPARENTID}"), v11 ? QLatin1String("co.conparentid") : QLatin1String("0"));
        sql.replace(QLatin1String("{NKEYATTS}"), v11 ? QLatin1String("i.indnkeyatts") : QLatin1String("i.indnatts"));
        sql.replace(QLatin1String("{INDEX_NULLS_NOT_DISTINCT}"),
                    v15 ? QLatin1String("i.indnullsnotdistinct") : QLatin1String("false"));
        sql.replace(QLatin1String("{CONSTRAINT_NULLS_NOT_DISTINCT}"),
                    v15 ? QLatin1String("ix.indnullsnotdistinct") : QLatin1String("false"));
        sql.replace(QLatin1String("{DELETE_SET_COLUMNS}"),
                    v15 ? QLatin1String(R"SQL((SELECT pg_catalog.json_agg(a.attname ORDER BY k.ord)
          FROM pg_catalog.unnest(co.confdelsetcols) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.attnum))SQL")
                        : QLatin1String("NULL::json"));
        return Query{sql, QStringList{param}};
    };

    QList<Query> out(StepCount);
    out[Schemas] = build(schemasSql);
    out[Relations] = build(relationsSql);
    out[Columns] = build(columnsSql);
    out[Constraints] = build(constraintsSql);
    out[Indexes] = build(indexesSql);
    out[Enums] = build(enumsSql);
    out[Sequences] = build(sequencesSql);
    out[Policies] = build(policiesSql);
    return out;
}

Schema Introspector::assemble(const QList<QueryResult> &results, const IntrospectOptions &options)
{
    Schema schema;
    if (results.size() < StepCount)
        return schema;

    const Rows schemaRows(results[Schemas]);
    for (int r = 0; r < schemaRows.count(); ++r) {
        const QString name = schemaRows.text(r, "name");
        if (name != QLatin1String("public"))
            schema.schemas << name;
    }

    QHash<QString, Owner> owners;  // by relid
    const Rows relations(results[Relations]);
    for (int r = 0; r < relations.count(); ++r) {
        const QString kind = relations.text(r, "kind");
        Owner owner;
        if (kind == QLatin1String("v") || kind == QLatin1String("m")) {
            View view;
            view.schema = relations.text(r, "schema");
            view.name = relations.text(r, "name");
            view.materialized = kind == QLatin1String("m");
            view.definition = relations.text(r, "definition");
            view.with = relations.options(r, "options");
            view.withNoData = view.materialized && !relations.flag(r, "populated");
            view.tablespace = relations.text(r, "tablespace");
            if (view.materialized)
                view.usingMethod = relations.text(r, "access_method");
            view.comment = relations.text(r, "comment");
            owner.isView = true;
            owner.index = schema.views.size();
            schema.views.append(view);
        } else {
            Table table;
            table.schema = relations.text(r, "schema");
            table.name = relations.text(r, "name");
            table.kind = kind == QLatin1String("p") ? Table::Kind::Partitioned : Table::Kind::Regular;
            table.partitionKey = relations.text(r, "partition_key");
            if (!relations.isNull(r, "parent_name")) {
                table.partitionOf = quoteIdent(relations.text(r, "parent_schema")) + QLatin1Char('.')
                    + quoteIdent(relations.text(r, "parent_name"));
                table.partitionBound = relations.text(r, "partition_bound");
            }
            table.unlogged = relations.flag(r, "unlogged");
            table.rlsEnabled = relations.flag(r, "rls_enabled");
            table.rlsForced = relations.flag(r, "rls_forced");
            table.with = relations.options(r, "options");
            table.comment = relations.text(r, "comment");
            owner.index = schema.tables.size();
            schema.tables.append(table);
        }
        owners.insert(relations.text(r, "relid"), owner);
    }

    const Rows columns(results[Columns]);
    for (int r = 0; r < columns.count(); ++r) {
        auto owner = owners.find(columns.text(r, "relid"));
        if (owner == owners.end())
            continue;
        Column column;
        column.name = columns.text(r, "name");
        column.type = columns.text(r, "type");
        column.typeSchema = columns.text(r, "type_schema");
        column.arrayDimensions = int(columns.number(r, "dimensions"));
        column.notNull = columns.flag(r, "not_null");
        if (!columns.isNull(r, "default_expr"))
            column.defaultExpression = columns.text(r, "default_expr");
        if (!columns.isNull(r, "generated_expr"))
            column.generatedExpression = columns.text(r, "generated_expr");
        const QString identity = columns.text(r, "identity");
        if (identity == QLatin1String("a") || identity == QLatin1String("d")) {
            column.identity = Identity{};
            column.identity->kind = identity == QLatin1String("a") ? Identity::Kind::Always : Identity::Kind::ByDefault;
        }
        column.collation = columns.text(r, "collation");
        column.collationSchema = columns.text(r, "collation_schema");
        column.comment = columns.text(r, "comment");
        owner->columns.insert(int(columns.number(r, "attnum")), column);
    }

    const Rows sequences(results[Sequences]);
    for (int r = 0; r < sequences.count(); ++r) {
        if (sequences.text(r, "owner_kind") == QLatin1String("i")) {
            // Identity sequences live on their column only.
            auto owner = owners.find(sequences.text(r, "owner_relid"));
            if (owner == owners.end())
                continue;
            auto column = owner->columns.find(int(sequences.number(r, "owner_attnum")));
            if (column == owner->columns.end() || !column->identity)
                continue;
            Identity &identity = *column->identity;
            identity.sequenceName = sequences.text(r, "name");
            identity.sequenceSchema = sequences.text(r, "schema");
            identity.increment = sequences.number(r, "increment");
            identity.start = sequences.number(r, "start");
            identity.minValue = sequences.number(r, "min_value");
            identity.maxValue = sequences.number(r, "max_value");
            identity.cache = sequences.number(r, "cache");
            identity.cycle = sequences.flag(r, "cycle");
            continue;
        }
        Sequence sequence;
        sequence.schema = sequences.text(r, "schema");
        sequence.name = sequences.text(r, "name");
        sequence.dataType = sequences.text(r, "data_type");
        sequence.increment = sequences.number(r, "increment");
        sequence.start = sequences.number(r, "start");
        sequence.minValue = sequences.number(r, "min_value");
        sequence.maxValue = sequences.number(r, "max_value");
        sequence.cache = sequences.number(r, "cache");
        sequence.cycle = sequences.flag(r, "cycle");
        if (sequences.text(r, "owner_kind") == QLatin1String("a") && !sequences.isNull(r, "owner_column"))
            sequence.ownedBy = sequences.text(r, "owner_table") + QLatin1Char('.') + sequences.text(r, "owner_column");
        sequence.comment = sequences.text(r, "comment");
        schema.sequences.append(sequence);
    }

    for (const Owner &owner : std::as_const(owners)) {
        QList<Column> list = owner.columns.values();
        if (owner.isView) {
            schema.views[owner.index].columns = list;
            continue;
        }
        Table &table = schema.tables[owner.index];
        for (Column &column : list) {
            // A serial's default stays as PostgreSQL prints it: it is what marks the column serial.
            if (column.defaultExpression
                && *column.defaultExpression != SnapshotTypes::serialDefault(table.schema, table.name, column.name))
                column.defaultExpression = DefaultSpelling::fromServer(*column.defaultExpression, column);
        }
        table.columns = list;
    }
    auto tableOf = [&](const QString &relid) -> Table * {
        auto owner = owners.constFind(relid);
        if (owner == owners.cend() || owner->isView)
            return nullptr;
        return &schema.tables[owner->index];
    };

    const Rows constraints(results[Constraints]);
    for (int r = 0; r < constraints.count(); ++r) {
        Table *table = tableOf(constraints.text(r, "relid"));
        if (!table)
            continue;
        const QString type = constraints.text(r, "type");
        const QString name = constraints.text(r, "name");
        if (type == QLatin1String("p")) {
            table->primaryKey = PrimaryKey{name, constraints.strings(r, "columns")};
        } else if (type == QLatin1String("u")) {
            UniqueConstraint unique;
            unique.name = name;
            unique.columns = constraints.strings(r, "columns");
            unique.nullsNotDistinct = constraints.flag(r, "nulls_not_distinct");
            unique.deferrable = constraints.flag(r, "deferrable");
            unique.initiallyDeferred = constraints.flag(r, "deferred");
            table->uniqueConstraints.append(unique);
        } else if (type == QLatin1String("f")) {
            ForeignKey key;
            key.name = name;
            key.columns = constraints.strings(r, "columns");
            key.targetSchema = constraints.text(r, "target_schema");
            key.targetTable = constraints.text(r, "target_table");
            key.targetColumns = constraints.strings(r, "target_columns");
            key.onUpdate = actionFrom(constraints.text(r, "on_update"));
            key.onDelete = actionFrom(constraints.text(r, "on_delete"));
            key.onDeleteSetColumns = constraints.strings(r, "delete_set_columns");
            key.matchFull = constraints.text(r, "match_type") == QLatin1String("f");
            key.deferrable = constraints.flag(r, "deferrable");
            key.initiallyDeferred = constraints.flag(r, "deferred");
            key.notValid = !constraints.flag(r, "validated");
            table->foreignKeys.append(key);
        } else if (type == QLatin1String("c")) {
            table->checks.append(CheckConstraint{name, constraints.text(r, "expression"),
                                                 !constraints.flag(r, "validated")});
        }
    }

    const Rows indexes(results[Indexes]);
    for (int r = 0; r < indexes.count(); ++r) {
        auto owner = owners.constFind(indexes.text(r, "relid"));
        if (owner == owners.cend())
            continue;
        Index index;
        index.name = indexes.text(r, "name");
        index.unique = indexes.flag(r, "is_unique");
        index.nullsNotDistinct = indexes.flag(r, "nulls_not_distinct");
        index.method = indexes.text(r, "method");
        index.where = indexes.text(r, "predicate");
        index.with = indexes.options(r, "options");
        const qsizetype keyCount = indexes.number(r, "key_count");
        const QJsonArray keys = indexes.array(r, "keys");
        for (qsizetype k = 0; k < keys.size(); ++k) {
            const QJsonObject key = keys.at(k).toObject();
            if (k >= keyCount) {
                index.include << key.value(QLatin1String("column")).toString();
                continue;
            }
            IndexKey out;
            const QJsonValue expression = key.value(QLatin1String("expression"));
            out.isExpression = expression.isString();
            out.expression = out.isExpression ? expression.toString() : key.value(QLatin1String("column")).toString();
            // indoption bit 0: DESC; bit 1: NULLS FIRST. The default is NULLS LAST for ASC
            // and NULLS FIRST for DESC; only the other choice is worth saying.
            const int option = key.value(QLatin1String("option")).toInt();
            out.descending = option & 1;
            const bool nullsFirst = option & 2;
            if (nullsFirst != out.descending)
                out.nulls = nullsFirst ? IndexKey::Nulls::First : IndexKey::Nulls::Last;
            out.opclass = key.value(QLatin1String("opclass")).toString();
            out.collation = key.value(QLatin1String("collation")).toString();
            index.keys.append(out);
        }
        if (owner->isView)
            schema.views[owner->index].indexes.append(index);
        else
            schema.tables[owner->index].indexes.append(index);
    }

    const Rows enums(results[Enums]);
    for (int r = 0; r < enums.count(); ++r) {
        Enum type;
        type.schema = enums.text(r, "schema");
        type.name = enums.text(r, "name");
        type.values = enums.strings(r, "labels");
        type.comment = enums.text(r, "comment");
        schema.enums.append(type);
    }

    const Rows policies(results[Policies]);
    for (int r = 0; r < policies.count(); ++r) {
        Table *table = tableOf(policies.text(r, "relid"));
        if (!table)
            continue;
        Policy policy;
        policy.name = policies.text(r, "name");
        policy.permissive = policies.flag(r, "permissive");
        policy.command = policyCommand(policies.text(r, "command"));
        policy.roles = policies.strings(r, "roles");
        if (policy.roles == QStringList{QStringLiteral("public")})
            policy.roles.clear();  // the model's way of saying TO PUBLIC
        policy.usingExpression = policies.text(r, "using_expr");
        policy.withCheckExpression = policies.text(r, "check_expr");
        table->policies.append(policy);
    }

    removeSerialSequences(schema);
    if (!options.includeDrizzleSchema)
        removeDrizzleBookkeeping(schema, options.drizzleMigrationsTable);

    std::stable_sort(schema.schemas.begin(), schema.schemas.end(), nameLess);
    sortBySchemaAndName(schema.tables);
    sortBySchemaAndName(schema.enums);
    sortBySchemaAndName(schema.sequences);
    sortBySchemaAndName(schema.views);
    for (Table &table : schema.tables) {
        sortByName(table.uniqueConstraints);
        sortByName(table.foreignKeys);
        sortByName(table.checks);
        sortByName(table.indexes);
        sortByName(table.policies);
    }
    for (View &view : schema.views)
        sortByName(view.indexes);
    return schema;
}

void Introspector::introspect(Connection *connection, const IntrospectOptions &options)
{
    stop();
    m_running = true;
    m_options = options;
    m_results.clear();
    m_connection = connection;
    if (!connection || !connection->isOpen()) {
        PgError error;
        error.kind = PgError::Kind::ConnectionLost;
        error.message = tr("Not connected to a server.");
        failLater(error);
        return;
    }
    const int version = connection->serverInfo().versionNumber;
    if (version < minimumServerVersion) {
        PgError error;
        error.kind = PgError::Kind::Client;
        error.message = tr("PostgreSQL %1 is not supported; Strata reads schemas from PostgreSQL 10 on.")
                            .arg(connection->serverInfo().version);
        failLater(error);
        return;
    }
    m_queries = queries(version, options);
    m_links << connect(connection, &Connection::finished, this, &Introspector::onFinished);
    m_links << connect(connection, &Connection::failed, this, &Introspector::onFailed);
    m_links << connect(connection, &QObject::destroyed, this, [this] {
        stop();
        PgError error;
        error.kind = PgError::Kind::ConnectionLost;
        error.message = tr("The connection was closed while the schema was being read.");
        emit failed(error);
    });
    submitNext();
}

void Introspector::submitNext()
{
    const int done = int(m_results.size());
    if (done < StepCount) {
        emit progress(done, StepCount, stepLabel(done));
        m_pending = m_connection->submit(m_queries.at(done));
        return;
    }
    emit progress(StepCount, StepCount, tr("Building the schema model"));
    const QList<QueryResult> results = m_results;
    const IntrospectOptions options = m_options;
    stop();
    emit finished(assemble(results, options));
}

void Introspector::onFinished(RequestId id, const QueryResult &result)
{
    if (!m_running || id != m_pending)
        return;
    m_pending = 0;
    m_results.append(result);
    submitNext();
}

void Introspector::onFailed(RequestId id, const PgError &error)
{
    if (!m_running || id != m_pending)
        return;
    stop();
    emit failed(error);
}

void Introspector::cancel()
{
    if (!m_running)
        return;
    // Only our own statement is worth interrupting; before the first submit (or after an
    // early failure was posted) there is none.
    if (m_connection && m_pending != 0)
        m_connection->cancel();
    stop();
    PgError error;
    error.kind = PgError::Kind::Cancelled;
    error.sqlState = QStringLiteral("57014");
    error.message = tr("Reading the schema was cancelled.");
    emit failed(error);
}

void Introspector::stop()
{
    for (const QMetaObject::Connection &link : std::as_const(m_links))
        disconnect(link);
    m_links.clear();
    m_pending = 0;
    m_running = false;
    m_results.clear();
    m_queries.clear();
    ++m_generation;
}

// Errors found before anything was submitted still arrive after introspect() returns, as
// every other outcome does, so callers connect once and need no special case.
void Introspector::failLater(const PgError &error)
{
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(this, [this, error, generation] {
        if (generation != m_generation || !m_running)
            return;
        stop();
        emit failed(error);
    }, Qt::QueuedConnection);
}

QString Introspector::stepLabel(int step)
{
    switch (step) {
    case Schemas: return tr("Reading schemas");
    case Relations: return tr("Reading tables and views");
    case Columns: return tr("Reading columns");
    case Constraints: return tr("Reading constraints");
    case Indexes: return tr("Reading indexes");
    case Enums: return tr("Reading enums");
    case Sequences: return tr("Reading sequences");
    case Policies: return tr("Reading policies");
    default: return QString();
    }
}

std::optional<Schema> Introspector::introspectAndWait(Connection &connection, const IntrospectOptions &options,
                                                      PgError *error)
{
    PgError failure;
    if (!connection.isOpen()) {
        QEventLoop loop;
        bool done = false;
        auto opened = connect(&connection, &Connection::opened, &loop, [&] {
            done = true;
            loop.quit();
        });
        auto openFailed = connect(&connection, &Connection::openFailed, &loop, [&](const PgError &e) {
            failure = e;
            done = true;
            loop.quit();
        });
        if (connection.state() != Connection::State::Connecting)
            connection.open();
        if (!done)
            loop.exec();
        disconnect(opened);
        disconnect(openFailed);
        if (!failure.isNull()) {
            if (error)
                *error = failure;
            return std::nullopt;
        }
    }

    Introspector introspector;
    std::optional<Schema> result;
    QEventLoop loop;
    bool done = false;
    connect(&introspector, &Introspector::finished, &loop, [&](const Schema &schema) {
        result = schema;
        done = true;
        loop.quit();
    });
    connect(&introspector, &Introspector::failed, &loop, [&](const PgError &e) {
        failure = e;
        done = true;
        loop.quit();
    });
    introspector.introspect(&connection, options);
    if (!done)
        loop.exec();
    if (!result && error)
        *error = failure;
    return result;
}

} // namespace strata
