#pragma once

#include "Table.h"

#include <QMetaType>

namespace strata {

struct Enum {
    QString schema;
    QString name;
    QStringList values;  // in sort order
    QString comment;

    bool operator==(const Enum &) const = default;
};

struct Sequence {
    QString schema;
    QString name;
    QString dataType = QStringLiteral("bigint");  // smallint, integer or bigint
    qint64 increment = 1;
    qint64 start = 1;
    qint64 minValue = 1;
    qint64 maxValue = 9223372036854775807LL;
    qint64 cache = 1;
    bool cycle = false;
    QString ownedBy;  // "table.column" for OWNED BY, empty for none
    QString comment;

    bool operator==(const Sequence &) const = default;
};

struct View {
    QString schema;
    QString name;
    bool materialized = false;
    QString definition;  // the SELECT, as pg_get_viewdef prints it (or as drizzle stored it)
    QList<Column> columns;
    QList<QPair<QString, QString>> with;  // reloptions (security_barrier, check_option, …)
    bool withNoData = false;   // materialized views created WITH NO DATA (drizzle's flag)
    QString tablespace;
    QString usingMethod;       // materialized views: table access method, empty = default
    QList<Index> indexes;      // materialized views may have indexes
    QString comment;

    bool operator==(const View &) const = default;
};

struct Role {
    QString name;
    bool createDb = false;
    bool createRole = false;
    bool inherit = true;

    bool operator==(const Role &) const = default;
};

// A policy on a table that the schema does not hold: drizzle's top-level "policies", made
// by pgPolicy(…).link(table) for a table defined elsewhere (Supabase's auth.users, say).
struct LinkedPolicy {
    QString tableSchema;
    QString table;
    Policy policy;

    bool operator==(const LinkedPolicy &) const = default;
};

// The whole schema of a database (or of a drizzle snapshot), as plain values: the one model
// that introspection, snapshots, diff and DDL work on. Lists are ordered by (schema, name).
struct Schema {
    QStringList schemas;        // namespaces other than public, ordered by name
    QList<Table> tables;
    QList<Enum> enums;
    QList<Sequence> sequences;  // stand-alone sequences; identity sequences stay with their column
    QList<View> views;
    QList<Role> roles;          // only roles a snapshot manages; introspection leaves it empty
    QList<LinkedPolicy> linkedPolicies;  // snapshots only; introspection puts policies on their tables

    const Table *table(const QString &schema, const QString &name) const;
    const Enum *enumType(const QString &schema, const QString &name) const;
    const View *view(const QString &schema, const QString &name) const;
    bool operator==(const Schema &) const = default;
};

// QTest::toString for readable comparisons: an indented, DDL-like text of the value.
char *toString(const Column &column);
char *toString(const Table &table);
char *toString(const Schema &schema);
// The same text as a QString, for diffs in test output and for debugging.
QString describe(const Table &table);
QString describe(const Schema &schema);

} // namespace strata

Q_DECLARE_METATYPE(strata::Schema)
