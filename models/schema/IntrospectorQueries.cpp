// Introspector's statements, one per Step, and how each server version gets them.
#include "Introspector.h"

namespace strata {

namespace {

// Every query takes $1, the schema names as a text[] literal, or NULL for "all but the
// system schemas". Schemas that an extension created are never read. `n` is the alias of
// the pg_namespace row to test.
QString namespaceFilter(QLatin1String n)
{
    return QStringLiteral(R"SQL(
    CASE WHEN $1::text[] IS NULL
         THEN pg_catalog.left(%1.nspname, 3) <> 'pg_' AND %1.nspname <> 'information_schema'
         ELSE %1.nspname = ANY ($1::text[]) END
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                     WHERE e.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                       AND e.objid = %1.oid AND e.deptype = 'e'))SQL").arg(n);
}

// Tables, views and sequences that an extension created (CREATE EXTENSION …) are its own.
// `c` is the alias of the pg_class row to test.
QString notInExtension(QLatin1String c)
{
    return QStringLiteral(R"SQL(
    NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                 WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                   AND e.objid = %1.oid AND e.deptype = 'e'))SQL").arg(c);
}

// No statement has an ORDER BY: assemble() sorts what it builds, and sorting here would
// make the server carry every row (with its deparsed texts) through a sort.
const char *const schemasSql = R"SQL(
SELECT n.nspname AS name
  FROM pg_catalog.pg_namespace n
 WHERE {NAMESPACE}
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
)SQL";

// The element type of an array is the one whose typarray points back (int2vector and
// oidvector have a typelem too but are not arrays). A type outside pg_catalog is named bare,
// with its schema apart; a type modifier (PostGIS's geometry(Point,4326)) is what
// format_type prints after the name. A default cannot refer to a column, so it is deparsed
// without its relation (relid 0), which spares the server building the table's relcache
// entry; a generated column's expression does refer to columns and needs it (before
// PostgreSQL 12, which has no generated columns, every expression gets its relation: the
// statements for older versions also run on newer servers). collation_oid is what index
// keys are compared with.
const char *const columnsSql = R"SQL(
SELECT a.attrelid AS relid, a.attnum, a.attname AS name,
       CASE WHEN tn.nspname = 'pg_catalog' THEN pg_catalog.format_type(bt.oid, a.atttypmod)
            ELSE bt.typname || pg_catalog.substr(pg_catalog.format_type(bt.oid, a.atttypmod),
                                                 pg_catalog.length(pg_catalog.format_type(bt.oid, NULL)) + 1)
       END AS type,
       CASE WHEN tn.nspname <> 'pg_catalog' THEN tn.nspname END AS type_schema,
       CASE WHEN et.oid IS NOT NULL THEN GREATEST(a.attndims, 1) ELSE 0 END AS dimensions,
       a.attnotnull AS not_null,
       CASE WHEN {GENERATED} = '' THEN pg_catalog.pg_get_expr(ad.adbin, {DEFAULT_RELID}) END AS default_expr,
       CASE WHEN {GENERATED} <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generated_expr,
       a.attidentity::text AS identity,
       CASE WHEN a.attcollation <> bt.typcollation THEN co.collname END AS collation,
       CASE WHEN a.attcollation <> bt.typcollation AND cn.nspname <> 'pg_catalog' THEN cn.nspname END
           AS collation_schema,
       a.attcollation AS collation_oid,
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
)SQL";

// Only the constraint kinds the model has; PostgreSQL 18 adds NOT NULL rows ('n'), which
// stay with Column::notNull. A partition's copies of its parent's constraints (conparentid)
// and inherited checks (not conislocal) come from the parent's DDL. Key columns come as
// attnum arrays, named by assemble() from the columns step; only a foreign key into a
// table that this read leaves out (another schema, an extension's) names its target
// columns here.
const char *const constraintsSql = R"SQL(
SELECT co.conrelid AS relid, co.conname AS name, co.contype::text AS type,
       co.conkey AS key_attnums,
       co.confrelid AS target_relid, fn.nspname AS target_schema, fc.relname AS target_table,
       co.confkey AS target_attnums,
       CASE WHEN co.contype = 'f' AND NOT ({TARGET_NAMESPACE} AND {TARGET_NOT_IN_EXTENSION}) THEN
           (SELECT pg_catalog.json_agg(a.attname ORDER BY k.ord)
              FROM pg_catalog.unnest(co.confkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_catalog.pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.attnum)
       END AS target_columns,
       {DELETE_SET_ATTNUMS} AS delete_set_attnums,
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
)SQL";

// One row per index. Keys come as the catalog's vectors (indkey, indoption, indcollation;
// the last two cover key columns only), which assemble() reads with the columns step. Only
// an index with something more to say (an expression, an opclass that is not its type's
// default, or a key collation other than none or "default", oid 100) gets its keys spelled
// out here as JSON, in key order: int2vector/oidvector subscripts start at 0, INCLUDE
// columns read NULL in indoption, indclass and indcollation; an opclass is named only when
// it is not the default one, a key's collation only when it differs from the column's (for
// an expression: from its type's default).
const char *const indexesSql = R"SQL(
SELECT i.indrelid AS relid, ic.relname AS name, i.indisunique AS is_unique,
       {INDEX_NULLS_NOT_DISTINCT} AS nulls_not_distinct, am.amname AS method,
       {NKEYATTS} AS key_count,
       i.indkey AS key_attnums, i.indoption AS key_options, i.indcollation AS key_collations,
       CASE WHEN i.indexprs IS NOT NULL OR i.indclass::pg_catalog.oid[] OPERATOR(pg_catalog.&&) nd.opclasses
                 OR NOT i.indcollation::pg_catalog.oid[] OPERATOR(pg_catalog.<@) ARRAY[0, 100]::pg_catalog.oid[] THEN
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
              LEFT JOIN pg_catalog.pg_collation ico ON ico.oid = i.indcollation[k.n - 1])
       END AS keys,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
       pg_catalog.array_to_json(ic.reloptions) AS options
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_catalog.pg_am am ON am.oid = ic.relam
  CROSS JOIN (SELECT pg_catalog.array_agg(o.oid) AS opclasses
                FROM pg_catalog.pg_opclass o WHERE NOT o.opcdefault) nd
 WHERE c.relkind IN ('r', 'p', 'm') AND {NAMESPACE} AND {NOT_IN_EXTENSION}
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                    WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                      AND k.contype IN ('p', 'u', 'x'))
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)
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

} // namespace

QList<Query> Introspector::queries(int serverVersion, const IntrospectOptions &options)
{
    const bool v11 = serverVersion >= 110000;
    const bool v12 = serverVersion >= 120000;
    const bool v15 = serverVersion >= 150000;
    const QString param = options.schemas.isEmpty() ? QString() : arrayLiteral(options.schemas);
    const QString namespaceOfRelation = namespaceFilter(QLatin1String("n"));
    const QString relationNotInExtension = notInExtension(QLatin1String("c"));
    const QString namespaceOfTarget = namespaceFilter(QLatin1String("fn"));
    const QString targetNotInExtension = notInExtension(QLatin1String("fc"));

    auto build = [&](const char *templ) {
        QString sql = QString::fromUtf8(templ);
        sql.replace(QLatin1String("{NAMESPACE}"), namespaceOfRelation);
        sql.replace(QLatin1String("{NOT_IN_EXTENSION}"), relationNotInExtension);
        sql.replace(QLatin1String("{TARGET_NAMESPACE}"), namespaceOfTarget);
        sql.replace(QLatin1String("{TARGET_NOT_IN_EXTENSION}"), targetNotInExtension);
        // Columns that appeared after PostgreSQL 10, each with what older servers mean.
        sql.replace(QLatin1String("{GENERATED}"),
                    v12 ? QLatin1String("a.attgenerated") : QLatin1String("''::\"char\""));
        sql.replace(QLatin1String("{DEFAULT_RELID}"), v12 ? QLatin1String("0") : QLatin1String("ad.adrelid"));
        sql.replace(QLatin1String("{CONPARENTID}"), v11 ? QLatin1String("co.conparentid") : QLatin1String("0"));
        sql.replace(QLatin1String("{NKEYATTS}"), v11 ? QLatin1String("i.indnkeyatts") : QLatin1String("i.indnatts"));
        sql.replace(QLatin1String("{INDEX_NULLS_NOT_DISTINCT}"),
                    v15 ? QLatin1String("i.indnullsnotdistinct") : QLatin1String("false"));
        sql.replace(QLatin1String("{CONSTRAINT_NULLS_NOT_DISTINCT}"),
                    v15 ? QLatin1String("ix.indnullsnotdistinct") : QLatin1String("false"));
        sql.replace(QLatin1String("{DELETE_SET_ATTNUMS}"),
                    v15 ? QLatin1String("co.confdelsetcols") : QLatin1String("NULL::pg_catalog.int2[]"));
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

} // namespace strata
