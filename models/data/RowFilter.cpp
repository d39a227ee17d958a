#include "RowFilter.h"

#include "ColumnKind.h"
#include "RawWhereCheck.h"
#include "Tr.h"
#include "schema/SqlQuote.h"

namespace strata {

namespace {

using Op = RowFilter::Op;

struct OpInfo {
    Op op;
    const char *id;
};

constexpr OpInfo opInfos[] = {
    {Op::Equals, "eq"},           {Op::NotEquals, "ne"},        {Op::Less, "lt"},
    {Op::LessOrEqual, "le"},      {Op::Greater, "gt"},          {Op::GreaterOrEqual, "ge"},
    {Op::Contains, "contains"},   {Op::NotContains, "not-contains"}, {Op::StartsWith, "starts-with"},
    {Op::EndsWith, "ends-with"},  {Op::IsNull, "null"},         {Op::IsNotNull, "not-null"},
    {Op::In, "in"},               {Op::Between, "between"},
};

const Column *findColumn(const QList<Column> &columns, const QString &name)
{
    for (const Column &column : columns) {
        if (column.name == name)
            return &column;
    }
    return nullptr;
}

// Parameters are never NULL: "= NULL" would match nothing, and an empty field means "".
QString nonNull(const QString &value)
{
    return value.isNull() ? QString::fromUtf8("") : value;
}

// Compiles one filter, appending its parameters; an error message when it cannot.
QString compileOne(const RowFilter &filter, const Column &column, QStringList &params, int firstParam,
                   QString &sql)
{
    const int count = RowFilter::valueCount(filter.op);
    if (count >= 0 && filter.values.size() != count) {
        return count == 0 ? Tr::tr("%1 %2 takes no value").arg(filter.column, RowFilter::opLabel(filter.op))
                          : Tr::tr("%1 %2 needs %n value(s)", nullptr, count).arg(filter.column, RowFilter::opLabel(filter.op));
    }
    if (count < 0 && filter.values.isEmpty())
        return Tr::tr("%1 %2 needs at least one value").arg(filter.column, RowFilter::opLabel(filter.op));

    const ColumnKind kind = ColumnKind::of(column);
    const QString name = SqlQuote::identifier(column.name);
    // Comparing as text is the only comparison json, xml and geometric types have.
    const QString compared = kind.hasEquality() ? name : name + QStringLiteral("::text");
    const QString matched = kind.isText() ? name : name + QStringLiteral("::text");
    auto param = [&](const QString &value) {
        params.append(value);
        return QLatin1Char('$') + QString::number(firstParam + params.size() - 1);
    };
    auto like = [&](const char *op, const QString &pattern) {
        sql = matched + QLatin1Char(' ') + QLatin1String(op) + QLatin1Char(' ') + param(pattern);
    };
    auto compare = [&](const char *op) {
        sql = compared + QLatin1Char(' ') + QLatin1String(op) + QLatin1Char(' ') + param(nonNull(filter.values.first()));
    };
    const QString escaped = filter.values.isEmpty() ? QString() : FilterCompiler::escapeLike(filter.values.first());
    const QString percent = QStringLiteral("%");

    switch (filter.op) {
    case Op::Equals: compare("="); break;
    case Op::NotEquals: compare("<>"); break;
    case Op::Less: compare("<"); break;
    case Op::LessOrEqual: compare("<="); break;
    case Op::Greater: compare(">"); break;
    case Op::GreaterOrEqual: compare(">="); break;
    case Op::Contains: like("ILIKE", percent + escaped + percent); break;
    case Op::NotContains: like("NOT ILIKE", percent + escaped + percent); break;
    case Op::StartsWith: like("ILIKE", escaped + percent); break;
    case Op::EndsWith: like("ILIKE", percent + escaped); break;
    case Op::IsNull: sql = name + QStringLiteral(" IS NULL"); break;
    case Op::IsNotNull: sql = name + QStringLiteral(" IS NOT NULL"); break;
    case Op::In: {
        QStringList placeholders;
        for (const QString &value : filter.values)
            placeholders.append(param(nonNull(value)));
        sql = compared + QStringLiteral(" IN (") + placeholders.join(QStringLiteral(", ")) + QLatin1Char(')');
        break;
    }
    case Op::Between: {
        const QString low = param(nonNull(filter.values.at(0)));
        const QString high = param(nonNull(filter.values.at(1)));
        sql = compared + QStringLiteral(" BETWEEN ") + low + QStringLiteral(" AND ") + high;
        break;
    }
    }
    return {};
}

CompiledFilter failed(const QString &error, int rawWherePosition = 0)
{
    CompiledFilter result;
    result.error = error;
    result.rawWherePosition = rawWherePosition;
    return result;
}

} // namespace

QString RowFilter::opLabel(Op op)
{
    switch (op) {
    case Op::Equals: return Tr::tr("=");
    case Op::NotEquals: return Tr::tr("≠");
    case Op::Less: return Tr::tr("<");
    case Op::LessOrEqual: return Tr::tr("≤");
    case Op::Greater: return Tr::tr(">");
    case Op::GreaterOrEqual: return Tr::tr("≥");
    case Op::Contains: return Tr::tr("contains");
    case Op::NotContains: return Tr::tr("does not contain");
    case Op::StartsWith: return Tr::tr("starts with");
    case Op::EndsWith: return Tr::tr("ends with");
    case Op::IsNull: return Tr::tr("is NULL");
    case Op::IsNotNull: return Tr::tr("is not NULL");
    case Op::In: return Tr::tr("is one of");
    case Op::Between: return Tr::tr("between");
    }
    return {};
}

QList<RowFilter::Op> RowFilter::opsFor(const Column &column)
{
    const ColumnKind kind = ColumnKind::of(column);
    const QList<Op> nullTests = {Op::IsNull, Op::IsNotNull};
    const QList<Op> matching = {Op::Contains, Op::NotContains, Op::StartsWith, Op::EndsWith};
    const QList<Op> ordering = {Op::Less, Op::LessOrEqual, Op::Greater, Op::GreaterOrEqual, Op::Between};
    using Category = ColumnKind::Category;
    if (kind.array)
        // `{1,2}` typed as an array literal, or a piece of its text form.
        return QList<Op>{Op::Equals, Op::NotEquals, Op::Contains, Op::NotContains} + nullTests;
    switch (kind.category) {
    case Category::Boolean:
        return QList<Op>{Op::Equals, Op::NotEquals} + nullTests;
    case Category::Integer:
    case Category::Numeric:
    case Category::Float:
    case Category::Temporal:
        // "starts with" on numbers and dates finds 2024-05… and ids by prefix.
        return QList<Op>{Op::Equals, Op::NotEquals} + ordering + QList<Op>{Op::In, Op::StartsWith} + nullTests;
    case Category::Json:
    case Category::Xml:
    case Category::Geometric:
    case Category::Snapshot:
        return matching + nullTests;
    case Category::Jsonb:
        return QList<Op>{Op::Equals, Op::NotEquals} + matching + nullTests;
    case Category::Binary:
        return QList<Op>{Op::Equals, Op::NotEquals, Op::In} + nullTests;
    case Category::Text:
    case Category::UserDefined:
    case Category::Other:
        break;
    }
    return QList<Op>{Op::Equals, Op::NotEquals} + matching + QList<Op>{Op::In} + ordering + nullTests;
}

int RowFilter::valueCount(Op op)
{
    switch (op) {
    case Op::IsNull:
    case Op::IsNotNull:
        return 0;
    case Op::Between:
        return 2;
    case Op::In:
        return -1;
    default:
        return 1;
    }
}

QString RowFilter::opId(Op op)
{
    for (const OpInfo &info : opInfos) {
        if (info.op == op)
            return QString::fromLatin1(info.id);
    }
    return {};
}

std::optional<RowFilter::Op> RowFilter::opFromId(const QString &id)
{
    for (const OpInfo &info : opInfos) {
        if (id == QLatin1String(info.id))
            return info.op;
    }
    return std::nullopt;
}

namespace FilterCompiler {

QString escapeLike(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return escaped;
}

CompiledFilter compile(const QList<RowFilter> &filters, const QList<Column> &columns, int firstParam)
{
    return compile(filters, QString(), columns, firstParam);
}

CompiledFilter compile(const QList<RowFilter> &filters, const QString &rawWhere, const QList<Column> &columns,
                       int firstParam)
{
    CompiledFilter result;
    QStringList terms;
    for (const RowFilter &filter : filters) {
        const Column *column = findColumn(columns, filter.column);
        if (!column)
            return failed(Tr::tr("the table has no column %1").arg(SqlQuote::identifier(filter.column)));
        QString term;
        const QString error = compileOne(filter, *column, result.params, firstParam, term);
        if (!error.isEmpty())
            return failed(error);
        terms.append(term);
    }
    const RawWhereProblem problem = RawWhereCheck::check(rawWhere);
    if (!problem.isNull())
        return failed(Tr::tr("WHERE clause: %1").arg(problem.message), problem.position);
    if (!rawWhere.trimmed().isEmpty())
        terms.append(RawWhereCheck::parenthesized(rawWhere));
    if (!terms.isEmpty())
        // In parentheses, so that the caller can AND or OR it with anything.
        result.sql = QLatin1Char('(') + terms.join(QStringLiteral(" AND ")) + QLatin1Char(')');
    return result;
}

} // namespace FilterCompiler

} // namespace strata
