#include "ClipboardFormat.h"

#include "ColumnKind.h"
#include "JsonText.h"
#include "schema/SqlQuote.h"

namespace strata {

namespace {

QString tsvCell(const QString &value)
{
    if (!value.contains(QLatin1Char('\t')) && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r'))
        && !value.contains(QLatin1Char('"')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvCell(const QString &value)
{
    if (value.isNull())
        return {};
    // "" must be quoted, or it would read back as NULL (PostgreSQL's COPY draws the same line).
    if (!value.isEmpty() && !value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QStringList columnNames(const CellBlock &block)
{
    QStringList names;
    for (const Column &column : block.columns)
        names.append(column.name);
    return names;
}

// One value as JSON; `margin` indents the lines of embedded json after its first.
QString jsonValue(const Column &column, const QString &value, const QString &margin)
{
    if (value.isNull())
        return QStringLiteral("null");
    const ColumnKind kind = ColumnKind::of(column);
    if (kind.array)
        return JsonText::string(value);
    using Category = ColumnKind::Category;
    switch (kind.category) {
    case Category::Integer:
    case Category::Numeric:
    case Category::Float:
        // As printed, digit for digit: a double would round bigint and numeric. NaN,
        // Infinity and anything else JSON cannot spell fall through to a string.
        if (JsonText::isNumber(value))
            return value;
        break;
    case Category::Boolean:
        if (value == QLatin1String("t") || value == QLatin1String("true"))
            return QStringLiteral("true");
        if (value == QLatin1String("f") || value == QLatin1String("false"))
            return QStringLiteral("false");
        break;
    case Category::Json:
    case Category::Jsonb:
        if (const std::optional<QString> embedded = JsonText::pretty(value, 2, margin))
            return *embedded;
        break;
    default:
        break;
    }
    return JsonText::string(value);
}

} // namespace

namespace ClipboardFormat {

QString tsv(const CellBlock &block, bool header)
{
    QStringList lines;
    auto line = [](const QStringList &cells) {
        QStringList out;
        for (const QString &cell : cells)
            out.append(tsvCell(cell));
        return out.join(QLatin1Char('\t'));
    };
    if (header)
        lines.append(line(columnNames(block)));
    for (const QStringList &row : block.rows)
        lines.append(line(row));
    QString text = lines.join(QLatin1Char('\n'));
    // parseTsv ignores one trailing line break, so a last row that is one empty cell needs
    // one of its own to survive the round trip.
    if (!lines.isEmpty() && lines.last().isEmpty())
        text += QLatin1Char('\n');
    return text;
}

QString csv(const CellBlock &block)
{
    QString text;
    auto line = [&text](const QStringList &cells) {
        QStringList out;
        for (const QString &cell : cells)
            out.append(csvCell(cell));
        text += out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    line(columnNames(block));
    for (const QStringList &row : block.rows)
        line(row);
    return text;
}

QString json(const CellBlock &block)
{
    if (block.rows.isEmpty())
        return QStringLiteral("[]");
    const QString memberMargin = QStringLiteral("    ");
    QStringList objects;
    for (const QStringList &row : block.rows) {
        QStringList members;
        for (int i = 0; i < block.columns.size(); ++i)
            members.append(memberMargin + JsonText::string(block.columns[i].name) + QStringLiteral(": ")
                           + jsonValue(block.columns[i], row.value(i), memberMargin));
        objects.append(members.isEmpty() ? QStringLiteral("  {}")
                                         : QStringLiteral("  {\n") + members.join(QStringLiteral(",\n"))
                                               + QStringLiteral("\n  }"));
    }
    return QStringLiteral("[\n") + objects.join(QStringLiteral(",\n")) + QStringLiteral("\n]");
}

QString sqlInsert(const CellBlock &block)
{
    QStringList names;
    for (const Column &column : block.columns)
        names.append(SqlQuote::identifier(column.name));
    const QString head = QStringLiteral("INSERT INTO ") + SqlQuote::qualified(block.schema, block.table)
        + QStringLiteral(" (") + names.join(QStringLiteral(", ")) + QStringLiteral(") VALUES (");
    QStringList statements;
    for (const QStringList &row : block.rows) {
        QStringList values;
        for (int i = 0; i < block.columns.size(); ++i) {
            const QString value = row.value(i);
            values.append(value.isNull() ? QStringLiteral("NULL") : SqlQuote::literal(value));
        }
        statements.append(head + values.join(QStringLiteral(", ")) + QStringLiteral(");"));
    }
    return statements.join(QLatin1Char('\n'));
}

QList<QStringList> parseTsv(const QString &text)
{
    QList<QStringList> rows;
    if (text.isEmpty())
        return rows;
    const qsizetype n = text.size();
    qsizetype end = n;
    // One trailing line break ends the last row rather than starting an empty one.
    if (text.endsWith(QStringLiteral("\r\n")))
        end -= 2;
    else if (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
        end -= 1;

    QStringList row;
    qsizetype i = 0;
    while (true) {
        QString cell = QStringLiteral("");
        if (i < end && text[i] == u'"') {
            // Quoted, if a closing quote follows; otherwise the quote is just text.
            qsizetype j = i + 1;
            QString quoted = QStringLiteral("");  // not null: a pasted cell is never NULL
            bool closed = false;
            while (j < n) {
                if (text[j] == u'"') {
                    if (j + 1 < n && text[j + 1] == u'"') {
                        quoted += QLatin1Char('"');
                        j += 2;
                        continue;
                    }
                    closed = true;
                    ++j;
                    break;
                }
                quoted += text[j++];
            }
            if (closed) {
                cell = quoted;
                i = j;
                // Spreadsheets keep text after the closing quote as it is; so does this.
                while (i < end && text[i] != u'\t' && text[i] != u'\n' && text[i] != u'\r')
                    cell += text[i++];
            }
        }
        while (i < end && text[i] != u'\t' && text[i] != u'\n' && text[i] != u'\r')
            cell += text[i++];
        row.append(cell);
        if (i >= end)
            break;
        if (text[i] == u'\t') {
            ++i;
            continue;
        }
        // A line break: \r\n, \n or a lone \r.
        i += (text[i] == u'\r' && i + 1 < end && text[i + 1] == u'\n') ? 2 : 1;
        rows.append(row);
        row.clear();
    }
    rows.append(row);
    return rows;
}

} // namespace ClipboardFormat

} // namespace strata
