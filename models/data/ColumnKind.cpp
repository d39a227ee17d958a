#include "ColumnKind.h"

#include <QHash>
#include <QRegularExpression>

namespace strata {

namespace {

// format_type() writes typmods in parentheses, in the middle for times:
// "timestamp(3) with time zone", "character varying(32)", "numeric(12,2)".
QString withoutTypmod(const QString &type)
{
    static const QRegularExpression typmod(QStringLiteral(R"(\(\s*\d+\s*(,\s*-?\d+\s*)?\))"));
    QString base = type;
    base.remove(typmod);
    return base.simplified();
}

ColumnKind::Category categoryOf(const QString &base)
{
    using Category = ColumnKind::Category;
    static const QHash<QString, Category> byName = {
        {QStringLiteral("boolean"), Category::Boolean},
        {QStringLiteral("smallint"), Category::Integer},
        {QStringLiteral("integer"), Category::Integer},
        {QStringLiteral("bigint"), Category::Integer},
        {QStringLiteral("oid"), Category::Integer},
        {QStringLiteral("numeric"), Category::Numeric},
        {QStringLiteral("real"), Category::Float},
        {QStringLiteral("double precision"), Category::Float},
        {QStringLiteral("text"), Category::Text},
        {QStringLiteral("character varying"), Category::Text},
        {QStringLiteral("character"), Category::Text},
        {QStringLiteral("bpchar"), Category::Text},
        {QStringLiteral("name"), Category::Text},
        {QStringLiteral("json"), Category::Json},
        {QStringLiteral("jsonb"), Category::Jsonb},
        {QStringLiteral("xml"), Category::Xml},
        {QStringLiteral("point"), Category::Geometric},
        {QStringLiteral("line"), Category::Geometric},
        {QStringLiteral("lseg"), Category::Geometric},
        {QStringLiteral("box"), Category::Geometric},
        {QStringLiteral("path"), Category::Geometric},
        {QStringLiteral("polygon"), Category::Geometric},
        {QStringLiteral("circle"), Category::Geometric},
        {QStringLiteral("txid_snapshot"), Category::Snapshot},
        {QStringLiteral("pg_snapshot"), Category::Snapshot},
        {QStringLiteral("bytea"), Category::Binary},
        {QStringLiteral("date"), Category::Temporal},
        {QStringLiteral("time without time zone"), Category::Temporal},
        {QStringLiteral("time with time zone"), Category::Temporal},
        {QStringLiteral("timestamp without time zone"), Category::Temporal},
        {QStringLiteral("timestamp with time zone"), Category::Temporal},
    };
    const auto it = byName.constFind(base);
    if (it != byName.constEnd())
        return *it;
    // "interval", "interval year to month", "interval(3)", "interval day to second(3)".
    if (base == QLatin1String("interval") || base.startsWith(QLatin1String("interval ")))
        return Category::Temporal;
    return Category::Other;
}

} // namespace

ColumnKind ColumnKind::of(const Column &column)
{
    ColumnKind kind;
    kind.array = column.arrayDimensions > 0;
    // A user type may share a built-in's name ("public"."text" is legal), so the schema decides.
    kind.category = column.typeSchema.isEmpty() ? categoryOf(withoutTypmod(column.type)) : Category::UserDefined;
    return kind;
}

bool ColumnKind::isText() const
{
    return !array && category == Category::Text;
}

bool ColumnKind::hasEquality() const
{
    switch (category) {
    case Category::Json:
    case Category::Xml:
    case Category::Geometric:
    case Category::Snapshot:
        return false;
    default:
        return true;
    }
}

bool ColumnKind::isOrdered() const
{
    if (array)
        return false;
    switch (category) {
    case Category::Integer:
    case Category::Numeric:
    case Category::Float:
    case Category::Text:
    case Category::Temporal:
    case Category::UserDefined:  // enums sort in label order; domains like their base type
    case Category::Other:
        return true;
    default:
        return false;
    }
}

} // namespace strata
