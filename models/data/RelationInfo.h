#pragma once

#include "pg/QueryResult.h"
#include "schema/Column.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

struct Schema;

// A column of a browsed relation, with what the grid needs to show and edit its values.
struct RelationColumn {
    enum class Kind { Text, Boolean, Integer, Numeric, Float, Json, Enum, Other };
    QString name;
    QString type;            // format_type(): "timestamp with time zone", "text[]", "post_status"
    Kind kind = Kind::Text;
    QStringList enumValues;  // Enum (and arrays of an enum): the labels in sort order
    bool notNull = false;
    bool hasDefault = false;  // a default, identity or serial: an insert may leave it out
    bool generated = false;   // GENERATED ALWAYS (stored or identity ALWAYS): never written

    Column toColumn() const;  // for the code that works on schema columns (filters, edits, copies)
};

// A foreign key seen from one side: `columns` of this relation and the matching `otherColumns`
// of the other one.
struct RelationLink {
    QString name;
    QStringList columns;
    QString otherSchema;
    QString otherTable;
    QStringList otherColumns;
};

// What the table browser knows about one relation: its kind, columns, key, foreign keys both
// ways, size estimate and the user's privileges, read in one catalog query.
struct RelationInfo {
    QString schema;
    QString name;
    QChar kind;              // pg_class.relkind: r table, p partitioned, v view, m materialized view, f foreign
    QList<RelationColumn> columns;
    QStringList primaryKey;  // column names in key order; empty when none
    QList<RelationLink> foreignKeys;   // this relation references others
    QList<RelationLink> referencedBy;  // other relations reference this one
    double estimatedRows = -1;         // pg_class.reltuples; -1 never analysed
    bool canSelect = false;
    bool canInsert = false;
    bool canUpdate = false;
    bool canDelete = false;

    bool isTable() const { return kind == u'r' || kind == u'p'; }
    bool hasCtid() const { return kind == u'r' || kind == u'm'; }  // partitioned parents have none
    int columnIndex(const QString &column) const;
    QList<Column> schemaColumns() const;
    QString qualifiedName() const;  // "schema"."name", quoted
    // Why rows cannot be edited here (view, no primary key, no privilege); empty when they can.
    QString readOnlyReason() const;

    // The one query that reads it; $1 schema, $2 name. Returns one row with one JSON text.
    static Query query(const QString &schema, const QString &name);
    // From that query's result; an empty result means the relation does not exist.
    static RelationInfo fromResult(const QueryResult &result, QString *error);
    // From a schema read earlier (the sidebar's), so that the first page need not wait for the
    // catalogs: everything but the privileges, which stay unknown (false). Empty name: not found.
    static RelationInfo fromSchema(const Schema &schema, const QString &schemaName, const QString &name,
                                   double estimatedRows);
    // Whether the rows read with `other` would look the same: kind, columns and key.
    bool sameShape(const RelationInfo &other) const;
};

} // namespace strata
