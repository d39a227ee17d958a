#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include "SnapshotSpelling.h"

#include <optional>

namespace strata {

// An identity column's sequence options (GENERATED ALWAYS / BY DEFAULT AS IDENTITY).
struct Identity {
    enum class Kind { Always, ByDefault };

    Kind kind = Kind::ByDefault;
    QString sequenceName;    // the implicit sequence, e.g. "users_id_seq"; empty when unknown
    QString sequenceSchema;  // empty = the table's schema
    std::optional<qint64> increment;
    std::optional<qint64> start;
    std::optional<qint64> minValue;
    std::optional<qint64> maxValue;
    std::optional<qint64> cache;
    bool cycle = false;

    bool operator==(const Identity &) const = default;
};

// A table or view column.
struct Column {
    QString name;
    // The type without array brackets, as PostgreSQL's format_type() prints it
    // ("integer", "character varying(32)", "numeric(12,2)", "timestamp with time zone");
    // for a user-defined type (enum, domain, composite) its bare name, with typeSchema set.
    QString type;
    QString typeSchema;       // schema of a user-defined type; empty for built-in types
    int arrayDimensions = 0;  // 1 for integer[], 2 for integer[][]
    bool notNull = false;
    std::optional<QString> defaultExpression;  // SQL text, e.g. "now()", "'draft'::post_status"
    std::optional<Identity> identity;
    std::optional<QString> generatedExpression;  // GENERATED ALWAYS AS (expr) STORED
    QString collation;        // empty = the type's default
    QString collationSchema;  // schema of a collation outside pg_catalog; empty otherwise
    QString comment;
    SnapshotSpelling snapshotSpelling;  // drizzle's own spelling, for byte-exact snapshots; never compared

    bool operator==(const Column &) const = default;
};

} // namespace strata
