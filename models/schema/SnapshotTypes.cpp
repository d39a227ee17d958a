#include "SnapshotTypes.h"

#include "migrations/JsJson.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <charconv>
#include <cmath>

namespace strata {

namespace {

// NAMEDATALEN - 1: PostgreSQL's longest identifier, in bytes.
constexpr int maxIdentifierBytes = 63;

QRegularExpression exact(const char *pattern)
{
    return QRegularExpression(QStringLiteral("^%1$").arg(QLatin1String(pattern)),
                              QRegularExpression::CaseInsensitiveOption);
}

// The longest prefix of `utf8` within `bytes` bytes that does not split a character.
QByteArray clipUtf8(const QByteArray &utf8, int bytes)
{
    if (utf8.size() <= bytes)
        return utf8;
    int end = bytes;
    while (end > 0 && (static_cast<unsigned char>(utf8.at(end)) & 0xC0) == 0x80)
        --end;
    return utf8.left(end);
}

// Types that toDrizzle() writes as they are: most columns, answered without a regex.
const QSet<QString> &builtInSpellings()
{
    static const QSet<QString> same{
        QStringLiteral("text"), QStringLiteral("integer"), QStringLiteral("bigint"), QStringLiteral("smallint"),
        QStringLiteral("boolean"), QStringLiteral("uuid"), QStringLiteral("json"), QStringLiteral("jsonb"),
        QStringLiteral("date"), QStringLiteral("real"), QStringLiteral("double precision"), QStringLiteral("numeric"),
        QStringLiteral("timestamp with time zone"), QStringLiteral("interval"), QStringLiteral("inet"),
        QStringLiteral("bytea")};
    return same;
}

// A precision "(3)" as format_type prints it, or nothing.
QString precision(const QString &digits)
{
    return digits.isEmpty() ? QString() : QStringLiteral("(%1)").arg(digits);
}

} // namespace

SnapshotTypes::ModelType SnapshotTypes::toModel(const QString &drizzleType, bool userDefined)
{
    // A long history repeats a few dozen types hundreds of thousands of times.
    thread_local QHash<QString, ModelType> cache[2];
    QHash<QString, ModelType> &known = cache[userDefined ? 1 : 0];
    const auto cached = known.constFind(drizzleType);
    if (cached != known.constEnd())
        return *cached;
    if (known.size() > 4096)
        known.clear();
    ModelType result = mapToModel(drizzleType, userDefined);
    known.insert(drizzleType, result);
    return result;
}

SnapshotTypes::ModelType SnapshotTypes::mapToModel(const QString &drizzleType, bool userDefined)
{
    ModelType result;
    QString text = drizzleType.trimmed();
    // drizzle writes one "[]" per dimension; a declared size ("integer[3]") means nothing to
    // PostgreSQL, which forgets it.
    static const QRegularExpression arraySuffix(QStringLiteral("\\s*\\[\\s*\\d*\\s*\\]$"));
    for (QRegularExpressionMatch match = arraySuffix.match(text); match.hasMatch();
         match = arraySuffix.match(text)) {
        text.truncate(match.capturedStart());
        ++result.arrayDimensions;
    }
    if (userDefined) {
        result.type = text;
        return result;
    }

    static const QRegularExpression varchar = exact("(?:varchar|character varying)(?:\\s*\\(\\s*(\\d+)\\s*\\))?");
    static const QRegularExpression character = exact("(?:char|character|bpchar)(?:\\s*\\(\\s*(\\d+)\\s*\\))?");
    static const QRegularExpression numeric = exact("(?:numeric|decimal)(?:\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\))?");
    static const QRegularExpression timestamp = exact("timestamp(?:\\s*\\(\\s*(\\d+)\\s*\\))?(?:\\s+(with|without) time zone)?");
    static const QRegularExpression timestamptz = exact("timestamptz(?:\\s*\\(\\s*(\\d+)\\s*\\))?");
    static const QRegularExpression time = exact("time(?:\\s*\\(\\s*(\\d+)\\s*\\))?(?:\\s+(with|without) time zone)?");
    static const QRegularExpression timetz = exact("timetz(?:\\s*\\(\\s*(\\d+)\\s*\\))?");

    QRegularExpressionMatch match;
    const QString lower = text.toLower();
    if ((match = varchar.match(text)).hasMatch()) {
        result.type = QStringLiteral("character varying") + precision(match.captured(1));
    } else if ((match = character.match(text)).hasMatch()) {
        // bpchar without a length is unbounded; char and character without one mean char(1).
        if (match.captured(1).isEmpty() && lower == QLatin1String("bpchar"))
            result.type = QStringLiteral("bpchar");
        else
            result.type = QStringLiteral("character") + precision(match.captured(1).isEmpty()
                                                                      ? QStringLiteral("1")
                                                                      : match.captured(1));
    } else if ((match = numeric.match(text)).hasMatch()) {
        result.type = QStringLiteral("numeric");
        if (!match.captured(2).isEmpty())
            result.type += QStringLiteral("(%1,%2)").arg(match.captured(1), match.captured(2));
        else
            result.type += precision(match.captured(1));
    } else if ((match = timestamp.match(text)).hasMatch()) {
        const bool withZone = match.captured(2).compare(QLatin1String("with"), Qt::CaseInsensitive) == 0;
        result.type = QStringLiteral("timestamp") + precision(match.captured(1))
                      + (withZone ? QStringLiteral(" with time zone") : QStringLiteral(" without time zone"));
    } else if ((match = timestamptz.match(text)).hasMatch()) {
        result.type = QStringLiteral("timestamp") + precision(match.captured(1)) + QStringLiteral(" with time zone");
    } else if ((match = time.match(text)).hasMatch()) {
        const bool withZone = match.captured(2).compare(QLatin1String("with"), Qt::CaseInsensitive) == 0;
        result.type = QStringLiteral("time") + precision(match.captured(1))
                      + (withZone ? QStringLiteral(" with time zone") : QStringLiteral(" without time zone"));
    } else if ((match = timetz.match(text)).hasMatch()) {
        result.type = QStringLiteral("time") + precision(match.captured(1)) + QStringLiteral(" with time zone");
    } else if (lower == QLatin1String("serial") || lower == QLatin1String("serial4")) {
        result.type = QStringLiteral("integer");
        result.serialOf = QStringLiteral("serial");
    } else if (lower == QLatin1String("smallserial") || lower == QLatin1String("serial2")) {
        result.type = QStringLiteral("smallint");
        result.serialOf = QStringLiteral("smallserial");
    } else if (lower == QLatin1String("bigserial") || lower == QLatin1String("serial8")) {
        result.type = QStringLiteral("bigint");
        result.serialOf = QStringLiteral("bigserial");
    } else if (lower == QLatin1String("int") || lower == QLatin1String("int4") || lower == QLatin1String("integer")) {
        result.type = QStringLiteral("integer");
    } else if (lower == QLatin1String("int2") || lower == QLatin1String("smallint")) {
        result.type = QStringLiteral("smallint");
    } else if (lower == QLatin1String("int8") || lower == QLatin1String("bigint")) {
        result.type = QStringLiteral("bigint");
    } else if (lower == QLatin1String("float4") || lower == QLatin1String("real")) {
        result.type = QStringLiteral("real");
    } else if (lower == QLatin1String("float8") || lower == QLatin1String("double precision")) {
        result.type = QStringLiteral("double precision");
    } else if (lower == QLatin1String("bool") || lower == QLatin1String("boolean")) {
        result.type = QStringLiteral("boolean");
    } else {
        result.type = text;
    }
    return result;
}

QString SnapshotTypes::toDrizzle(const QString &type, int arrayDimensions, bool userDefined)
{
    QString base = type;
    if (!userDefined && !builtInSpellings().contains(type)) {
        static const QRegularExpression varchar(QStringLiteral("^character varying(\\(\\d+\\))?$"));
        static const QRegularExpression character(QStringLiteral("^character(\\(\\d+\\))?$"));
        static const QRegularExpression numeric(QStringLiteral("^numeric\\((\\d+),(-?\\d+)\\)$"));
        static const QRegularExpression timestamp(QStringLiteral("^timestamp(?:\\((\\d+)\\))? (with|without) time zone$"));
        static const QRegularExpression time(QStringLiteral("^time(\\(\\d+\\))? (with|without) time zone$"));
        QRegularExpressionMatch match;
        if ((match = varchar.match(type)).hasMatch()) {
            base = QStringLiteral("varchar") + match.captured(1);
        } else if ((match = character.match(type)).hasMatch()) {
            base = QStringLiteral("char") + match.captured(1);
        } else if ((match = numeric.match(type)).hasMatch()) {
            base = QStringLiteral("numeric(%1, %2)").arg(match.captured(1), match.captured(2));
        } else if ((match = timestamp.match(type)).hasMatch()) {
            // PgTimestamp, the builder's default mode, writes "timestamp (3)" with a space.
            base = QStringLiteral("timestamp");
            if (!match.captured(1).isEmpty())
                base += QStringLiteral(" (%1)").arg(match.captured(1));
            if (match.captured(2) == QLatin1String("with"))
                base += QStringLiteral(" with time zone");
        } else if ((match = time.match(type)).hasMatch()) {
            base = QStringLiteral("time") + match.captured(1);
            if (match.captured(2) == QLatin1String("with"))
                base += QStringLiteral(" with time zone");
        }
    }
    for (int i = 0; i < arrayDimensions; ++i)
        base += QStringLiteral("[]");
    return base;
}

QString SnapshotTypes::serialFor(const QString &type)
{
    if (type == QLatin1String("integer"))
        return QStringLiteral("serial");
    if (type == QLatin1String("smallint"))
        return QStringLiteral("smallserial");
    if (type == QLatin1String("bigint"))
        return QStringLiteral("bigserial");
    return {};
}

QString SnapshotTypes::serialDefault(const QString &tableSchema, const QString &table,
                                     const QString &column)
{
    QString sequence = quoteIdentifier(objectName(table, column, QStringLiteral("seq")));
    // regclass output leaves out schemas on the search path; public is the one drizzle assumes.
    if (!tableSchema.isEmpty() && tableSchema != QLatin1String("public"))
        sequence = quoteIdentifier(tableSchema) + QLatin1Char('.') + sequence;
    sequence.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QStringLiteral("nextval('%1'::regclass)").arg(sequence);
}

QString SnapshotTypes::primaryKeyName(const QString &table)
{
    return objectName(table, QString(), QStringLiteral("pkey"));
}

QString SnapshotTypes::objectName(const QString &name1, const QString &name2, const QString &label)
{
    const QByteArray first = name1.toUtf8();
    const QByteArray second = name2.toUtf8();
    int overhead = 0;
    if (!name2.isEmpty())
        ++overhead;  // the underscore between the names
    if (!label.isEmpty())
        overhead += int(label.toUtf8().size()) + 1;
    const int available = maxIdentifierBytes - overhead;
    int firstBytes = int(first.size());
    int secondBytes = int(second.size());
    while (firstBytes + secondBytes > available) {
        if (firstBytes > secondBytes)
            --firstBytes;
        else
            --secondBytes;
    }
    QByteArray result = clipUtf8(first, firstBytes);
    if (!name2.isEmpty())
        result += '_' + clipUtf8(second, secondBytes);
    if (!label.isEmpty())
        result += '_' + label.toUtf8();
    return QString::fromUtf8(result);
}

QString SnapshotTypes::quoteIdentifier(const QString &name)
{
    // PostgreSQL 15's keywords that are not UNRESERVED (pg_get_keywords() catcode <> 'U'):
    // quote_identifier() quotes these even when they are plain lower case.
    static const QSet<QString> keywords = [] {
        const char *words =
            "all analyse analyze and any array as asc asymmetric authorization between bigint "
            "binary bit boolean both case cast char character check coalesce collate collation "
            "column concurrently constraint create cross current_catalog current_date "
            "current_role current_schema current_time current_timestamp current_user dec "
            "decimal default deferrable desc distinct do else end except exists extract false "
            "fetch float for foreign freeze from full grant greatest group grouping having "
            "ilike in initially inner inout int integer intersect interval into is isnull join "
            "lateral leading least left like limit localtime localtimestamp national natural "
            "nchar none normalize not notnull null nullif numeric offset on only or order out "
            "outer overlaps overlay placing position precision primary real references "
            "returning right row select session_user setof similar smallint some substring "
            "symmetric table tablesample then time timestamp to trailing treat trim true union "
            "unique user using values varchar variadic verbose when where window with "
            "xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse "
            "xmlpi xmlroot xmlserialize xmltable";
        QSet<QString> set;
        for (const QString &word : QString::fromLatin1(words).split(QLatin1Char(' ')))
            set.insert(word);
        return set;
    }();
    bool safe = !name.isEmpty() && (name.at(0) == QLatin1Char('_') || (name.at(0) >= QLatin1Char('a') && name.at(0) <= QLatin1Char('z')));
    for (const QChar ch : name) {
        if (!safe)
            break;
        safe = ch == QLatin1Char('_') || (ch >= QLatin1Char('a') && ch <= QLatin1Char('z'))
               || (ch >= QLatin1Char('0') && ch <= QLatin1Char('9'));
    }
    if (safe && !keywords.contains(name))
        return name;
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString SnapshotTypes::jsNumber(double value)
{
    return QString::fromStdString(JsJson::number(value));
}

bool SnapshotTypes::isJsNumber(const QString &text)
{
    const QByteArray latin = text.toLatin1();
    if (latin.isEmpty() || latin.size() > 40)
        return false;
    double value = 0;
    const char *end = latin.constData() + latin.size();
    const auto parsed = std::from_chars(latin.constData(), end, value);
    if (parsed.ec != std::errc() || parsed.ptr != end || !std::isfinite(value))
        return false;
    return jsNumber(value) == text;
}

bool SnapshotTypes::isNumericType(const QString &type)
{
    return type == QLatin1String("smallint") || type == QLatin1String("integer")
           || type == QLatin1String("bigint") || type == QLatin1String("real")
           || type == QLatin1String("double precision") || type == QLatin1String("numeric")
           || type.startsWith(QLatin1String("numeric("));
}

} // namespace strata
