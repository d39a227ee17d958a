#pragma once

#include "Column.h"
#include "Constraints.h"

namespace strata {

// A table with its columns, keys, constraints, indexes and policies.
struct Table {
    enum class Kind { Regular, Partitioned };

    QString schema;
    QString name;
    Kind kind = Kind::Regular;
    QString partitionKey;    // partitioned tables: "RANGE (created_at)"; empty otherwise
    QString partitionOf;     // a partition: its parent, qualified and quoted ("public"."events")
    QString partitionBound;  // a partition: "FOR VALUES FROM (…) TO (…)", "DEFAULT"
    bool unlogged = false;
    bool rlsEnabled = false;
    bool rlsForced = false;
    QList<QPair<QString, QString>> with;  // storage parameters (fillfactor, autovacuum_…), in order
    QList<Column> columns;   // in attnum order
    std::optional<PrimaryKey> primaryKey;
    QList<UniqueConstraint> uniqueConstraints;  // ordered by name
    QList<ForeignKey> foreignKeys;              // ordered by name
    QList<CheckConstraint> checks;              // ordered by name
    QList<Index> indexes;    // ordered by name; indexes behind PK/unique constraints excluded
    QList<Policy> policies;  // ordered by name
    QString comment;
    SnapshotSpelling snapshotSpelling;  // drizzle's own spelling (rlsWithPolicies); never compared

    const Column *column(const QString &name) const;
    // A one-column primary key with PostgreSQL's default name (<table>_pkey): what drizzle's
    // .primaryKey() on a column makes; any other key is a composite one to drizzle.
    bool hasColumnKey() const;
    // NOT NULL as CREATE TABLE and drizzle's snapshot say it: a composite key's columns are
    // NOT NULL because of the key, and say so only where the schema.ts said .notNull() too.
    bool declaresNotNull(const Column &column) const;
    bool operator==(const Table &) const = default;
};

} // namespace strata
