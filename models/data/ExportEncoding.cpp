#include "ExportEncoding.h"

namespace strata::ExportEncoding {

namespace {

// pg_type oids, fixed since PostgreSQL 7.
constexpr quint32 boolOid = 16;
constexpr quint32 int8Oid = 20;
constexpr quint32 int2Oid = 21;
constexpr quint32 int4Oid = 23;
constexpr quint32 oidOid = 26;
constexpr quint32 float4Oid = 700;
constexpr quint32 float8Oid = 701;
constexpr quint32 numericOid = 1700;

bool isNumberType(quint32 oid)
{
    return oid == int8Oid || oid == int2Oid || oid == int4Oid || oid == oidOid || oid == float4Oid
           || oid == float8Oid || oid == numericOid;
}

// NaN and Infinity are numbers too, but only as quoted literals.
bool isPlainNumber(const char *data, qsizetype size)
{
    if (size == 0)
        return false;
    bool digit = false;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E')
            return false;
    }
    return digit;
}

void appendQuoted(QByteArray &out, const char *data, qsizetype size, char quote)
{
    out.append(quote);
    qsizetype start = 0;
    for (qsizetype i = 0; i < size; ++i) {
        if (data[i] == quote) {
            out.append(data + start, i - start + 1);
            out.append(quote);
            start = i + 1;
        }
    }
    out.append(data + start, size - start);
    out.append(quote);
}

} // namespace

void appendCsvField(QByteArray &out, const char *data, qsizetype size, bool isNull, bool onlyColumn)
{
    if (isNull)
        return;
    // COPY's CopyAttributeOutCSV: NULL prints as "" unquoted, so an empty value is quoted.
    bool quote = size == 0 || (onlyColumn && size == 2 && data[0] == '\\' && data[1] == '.');
    for (qsizetype i = 0; !quote && i < size; ++i) {
        const char c = data[i];
        quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (quote)
        appendQuoted(out, data, size, '"');
    else
        out.append(data, size);
}

void appendSqlLiteral(QByteArray &out, const char *data, qsizetype size, bool isNull, quint32 typeOid)
{
    if (isNull)
        out.append("NULL");
    else if (typeOid == boolOid && size == 1 && (data[0] == 't' || data[0] == 'f'))
        out.append(data[0] == 't' ? "true" : "false");
    else if (isNumberType(typeOid) && isPlainNumber(data, size))
        out.append(data, size);
    else
        appendQuoted(out, data, size, '\'');
}

} // namespace strata::ExportEncoding
