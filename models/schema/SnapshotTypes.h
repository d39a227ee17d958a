#pragma once

#include <QString>

namespace strata {

// The mapping between the type text of drizzle-kit snapshots ("varchar(32)",
// "numeric(12, 2)", "timestamp (3)", "serial", "text[]") and the model's, which is what
// PostgreSQL's format_type() prints ("character varying(32)", "numeric(12,2)",
// "timestamp(3) without time zone", "integer" with a nextval default, "text" with one
// array dimension). Both directions are pure functions, so a type maps the same way every
// time; where drizzle has several spellings for one PostgreSQL type, toDrizzle() gives the
// one drizzle-kit 0.31 writes for the plain column builder:
//
//   drizzle (read; "[]"/"[n]" suffixes become arrayDimensions)   model
//   varchar, varchar(n)                                          character varying[(n)]
//   char, char(n)                                                character(1), character(n)
//   numeric(p, s), numeric(p,s), decimal(…)                      numeric(p,s)
//   timestamp, timestamp (p), timestamp(p)                       timestamp[(p)] without time zone
//   timestamp [(p)] with time zone, timestamptz                  timestamp[(p)] with time zone
//   time, time(p) [with time zone], timetz                       time[(p)] without/with time zone
//   serial, smallserial, bigserial                               integer, smallint, bigint +
//                                                                  default nextval('<t>_<c>_seq'::regclass)
//   int, int2, int4, int8, float4, float8, bool                  integer, smallint, integer, bigint,
//                                                                  real, double precision, boolean
//   anything else (text, uuid, jsonb, interval …, vector(3), enum names) unchanged
//
//   model (written)                                              drizzle
//   character varying[(n)], character(n), character             varchar[(n)], char(n), char
//   numeric(p,s)                                                 numeric(p, s)
//   timestamp(p) without time zone / with time zone              timestamp (p) / timestamp (p) with time zone
//   timestamp without time zone, time[(p)] without time zone     timestamp, time[(p)]
//   integer/smallint/bigint with default nextval of the          serial/smallserial/bigserial, no default
//     sequence PostgreSQL makes for a serial (see serialDefault)
//   anything else unchanged; arrays get "[]" per dimension
//
// User-defined types (typeSchema set) are never mapped: an enum called "varchar" stays one.
class SnapshotTypes
{
public:
    struct ModelType {
        QString type;  // format_type() spelling, without array brackets
        int arrayDimensions = 0;
        QString serialOf;  // "serial", "smallserial" or "bigserial" when the type was one

        bool operator==(const ModelType &) const = default;
    };

    static ModelType toModel(const QString &drizzleType, bool userDefined);
    static QString toDrizzle(const QString &type, int arrayDimensions, bool userDefined);
    // "serial" for "integer", "smallserial" for "smallint", "bigserial" for "bigint"; else empty.
    static QString serialFor(const QString &type);

    // The default PostgreSQL gives a serial column: nextval('<seq>'::regclass), where <seq>
    // is the sequence name PostgreSQL chooses (table_column_seq, shortened to 63 bytes as
    // PostgreSQL does), qualified when the table is outside public, and quoted as
    // regclass output quotes it.
    static QString serialDefault(const QString &tableSchema, const QString &table,
                                 const QString &column);
    // The name PostgreSQL gives a table's primary key constraint: <table>_pkey, shortened.
    static QString primaryKeyName(const QString &table);
    // PostgreSQL's makeObjectName(): name1_name2_label within NAMEDATALEN - 1 bytes, the
    // longer of the two names shortened first, never splitting a UTF-8 character.
    static QString objectName(const QString &name1, const QString &name2, const QString &label);
    // PostgreSQL's quote_identifier(): quotes unless lower-case letters, digits and
    // underscores that do not start with a digit and are not a reserved-ish keyword.
    static QString quoteIdentifier(const QString &name);

    // Whether `expression` can be serialDefault() of some column: the cheap test first.
    static bool looksLikeSerialDefault(const QString &expression)
    {
        return expression.startsWith(QLatin1String("nextval('")) && expression.endsWith(QLatin1String("'::regclass)"));
    }

    // JavaScript's Number#toString for a double, as JSON.stringify prints numbers.
    static QString jsNumber(double value);
    // Whether `text` is exactly what jsNumber() prints for some number ("0", "-0.25",
    // "1e+21"; not "00", "1.0", "+1" or "9223372036854775807", which JavaScript rounds).
    static bool isJsNumber(const QString &text);
    // Types whose drizzle defaults are written as JSON numbers (smallint … numeric).
    static bool isNumericType(const QString &type);

private:
    static ModelType mapToModel(const QString &drizzleType, bool userDefined);
};

} // namespace strata
