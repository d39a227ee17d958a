#pragma once

#include "schema/Column.h"

namespace strata {

// What the data layer needs to know about a column's type to filter, compare and copy its
// values, read from the type name format_type() printed (Column::type).
struct ColumnKind {
    enum class Category {
        Boolean,
        Integer,    // smallint, integer, bigint, oid: printed as plain digits
        Numeric,    // numeric/decimal: exact digits, or NaN / Infinity / -Infinity
        Float,      // real, double precision: digits, exponents, NaN, Infinity
        Text,       // text, varchar, char(n), name: ILIKE needs no cast
        Json,       // json: no equality operator at all
        Jsonb,
        Xml,        // no equality operator
        Geometric,  // point, line, lseg, box, path, polygon, circle: no (or area-only) equality
        Snapshot,   // txid_snapshot, pg_snapshot: no equality operator
        Binary,     // bytea
        Temporal,   // date, time, timestamp, interval (with or without zone and precision)
        Other,      // uuid, inet, money, ranges, bit strings, …: equality that means the same value
        UserDefined,  // enum, domain, composite, extension type (Column::typeSchema is set)
    };

    Category category = Category::Other;
    bool array = false;

    static ColumnKind of(const Column &column);

    // `"c" ILIKE $1` works without a cast (arrays and user types are cast to text).
    bool isText() const;
    // `"c" = $1` is known to work and to mean "the same value"; otherwise compare `"c"::text`.
    bool hasEquality() const;
    // Values are ordered in a way a person expects from < and > (numbers, times, text).
    bool isOrdered() const;
};

} // namespace strata
