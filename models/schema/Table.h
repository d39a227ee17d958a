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
    bool operator==(const Table &) const = default;
};

} // namespace strata
