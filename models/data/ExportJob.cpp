#include "ExportJob.h"

#include "ExportEncoding.h"
#include "PartFile.h"
#include "Tr.h"
#include "pg/RowBatch.h"
#include "schema/SqlQuote.h"

#include <QDateTime>

namespace strata {

namespace {

constexpr int progressMs = 100;
// A FETCH's rows are held twice (libpq's result, the encoded text) until written; the batch
// shrinks when that grows past maxBatchBytes, so wide rows cannot make it large.
constexpr int fetchRows = 5000;
constexpr qsizetype maxBatchBytes = 8 << 20;
const QString cursorName = QStringLiteral("strata_export");

// A comment line cannot be allowed to end early: a table named "x\nDROP TABLE y" would
// otherwise put a statement into the file.
QString oneLine(QString text)
{
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

ExportJob::ExportJob(ExportRequest request, Progress progress)
    : m_request(std::move(request))
    , m_progress(std::move(progress))
    , m_relation(SqlQuote::qualified(m_request.schema, m_request.table))
{
}

ExportJob::Outcome ExportJob::run()
{
    m_sinceProgress.start();
    const auto failed = [this] { return m_session.isCancelled() ? Outcome::Cancelled : Outcome::Failed; };
    if (!m_session.open(m_request.spec, m_request.password, &m_error) || !begin() || !resolveColumns())
        return failed();

    PartFile file(m_request.path);
    if (!file.open()) {
        fileFailed(file);
        return Outcome::Failed;
    }
    const bool byCopy = m_request.format == ExportRequest::Format::Csv && m_request.params.isEmpty();
    const bool written = byCopy ? exportByCopy(file) : exportByCursor(file, selectSql(m_columns));
    if (!written)
        return failed();  // ~PartFile removes the .part
    // The transaction only read; ending it is the polite way to leave.
    if (!m_session.run(Query{QStringLiteral("COMMIT"), {}}, &m_error))
        return failed();
    m_session.close();
    if (!file.commit()) {
        fileFailed(file);
        return Outcome::Failed;
    }
    m_bytes = file.bytesWritten();
    return Outcome::Finished;
}

// READ ONLY: the filter is SQL from the user, and an export must not write, whatever it calls.
// ISO dates and extra_float_digits as pg_dump sets them, so that every file reads back the
// same on any server, whatever DateStyle the server or the role has.
bool ExportJob::begin()
{
    return m_session.run(Query{QStringLiteral("BEGIN READ ONLY"), {}}, &m_error)
           && m_session.run(Query{QStringLiteral("SELECT set_config('datestyle', 'ISO, MDY', true), "
                                                 "set_config('intervalstyle', 'postgres', true), "
                                                 "set_config('extra_float_digits', '3', true)"),
                                  {}},
                            &m_error);
}

bool ExportJob::resolveColumns()
{
    // $1::regclass reads the quoted name as the server would, and a missing relation fails
    // with the server's own "relation … does not exist".
    const QString generated = m_session.serverVersion() >= 120000 ? QStringLiteral("a.attgenerated <> ''")
                                                                  : QStringLiteral("false");
    const Query catalog{QStringLiteral("SELECT c.relkind::text, c.relhassubclass, a.attname, %1, a.attidentity = 'a' "
                                       "FROM pg_catalog.pg_class c "
                                       "LEFT JOIN pg_catalog.pg_attribute a "
                                       "ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                                       "WHERE c.oid = $1::regclass ORDER BY a.attnum")
                            .arg(generated),
                        {m_relation}};
    QList<Column> all;
    const bool read = m_session.run(catalog, &m_error, [&](const RowBatch &rows) {
        for (int r = 0; r < rows.rowCount(); ++r) {
            m_relkind = rows.text(r, 0);
            m_hasChildren = rows.text(r, 1) == QLatin1String("t");
            if (!rows.isNull(r, 2))
                all.append({rows.text(r, 2), rows.text(r, 3) == QLatin1String("t"), rows.text(r, 4) == QLatin1String("t")});
        }
        return true;
    });
    if (!read)
        return false;
    if (m_request.columns.isEmpty()) {
        m_columns = all;
    } else {
        // A name the relation lacks stays in: the server then says which one.
        for (const QString &name : m_request.columns) {
            const auto known = std::find_if(all.cbegin(), all.cend(), [&](const Column &c) { return c.name == name; });
            m_columns.append(known != all.cend() ? *known : Column{name});
        }
    }
    if (m_request.format == ExportRequest::Format::Sql) {
        m_columns.removeIf([](const Column &c) { return c.generated; });
        QStringList names;
        bool overriding = false;
        for (const Column &c : std::as_const(m_columns)) {
            names.append(c.name);
            overriding = overriding || c.identityAlways;
        }
        m_insertPrefix = names.isEmpty()
            ? QStringLiteral("INSERT INTO %1 DEFAULT VALUES;\n").arg(m_relation).toUtf8()
            : QStringLiteral("INSERT INTO %1 (%2) %3VALUES (")
                  .arg(m_relation, SqlQuote::identifierList(names, QStringLiteral(", ")),
                       overriding ? QStringLiteral("OVERRIDING SYSTEM VALUE ") : QString())
                  .toUtf8();
    }
    return true;
}

QString ExportJob::selectSql(const QList<Column> &columns) const
{
    QStringList names;
    for (const Column &c : columns)
        names.append(c.name);
    // Line breaks around the user's SQL, so that a trailing -- comment cannot swallow the rest.
    QString sql = QStringLiteral("SELECT %1 FROM %2").arg(SqlQuote::identifierList(names, QStringLiteral(", ")), m_relation);
    if (!m_request.where.trimmed().isEmpty())
        sql += QStringLiteral("\nWHERE (\n%1\n)").arg(m_request.where);
    if (!m_request.orderBy.trimmed().isEmpty())
        sql += QStringLiteral("\nORDER BY %1").arg(m_request.orderBy);
    return sql + QLatin1Char('\n');
}

bool ExportJob::exportByCopy(PartFile &file)
{
    // COPY of the table itself skips the executor's projection, but it reads no child tables
    // (a SELECT does), cannot name generated columns, and only works on plain tables.
    const bool wholeTable = m_relkind == QLatin1String("r") && !m_hasChildren && !m_columns.isEmpty()
                            && m_request.where.trimmed().isEmpty() && m_request.orderBy.trimmed().isEmpty()
                            && std::none_of(m_columns.cbegin(), m_columns.cend(), [](const Column &c) { return c.generated; });
    QStringList names;
    for (const Column &c : std::as_const(m_columns))
        names.append(c.name);
    const QString source = wholeTable
        ? QStringLiteral("%1 (%2)").arg(m_relation, SqlQuote::identifierList(names, QStringLiteral(", ")))
        : QStringLiteral("(%1)").arg(selectSql(m_columns));
    qint64 lines = 0;
    bool writeFailed = false;
    const bool copied = m_session.copyOut(
        QStringLiteral("COPY %1 TO STDOUT WITH (FORMAT csv, HEADER)").arg(source),
        [&](const char *data, int size) {
            if (!file.write(data, size)) {
                writeFailed = true;
                return false;
            }
            // One call per row (libpq's promise); the first is the header. The clock is read
            // every 1024 rows only: at millions of rows a second it would show.
            if ((++lines & 1023) == 0)
                advance(lines - 1, file.bytesWritten());
            return true;
        },
        &m_error);
    if (writeFailed)
        return fileFailed(file);
    m_rows = std::max<qint64>(0, lines - 1);
    m_bytes = file.bytesWritten();
    return copied;
}

bool ExportJob::exportByCursor(PartFile &file, const QString &select)
{
    QString query = select;
    QByteArray head;
    switch (m_request.format) {
    case ExportRequest::Format::Csv:
        for (qsizetype c = 0; c < m_columns.size(); ++c) {
            if (c > 0)
                head.append(',');
            const QByteArray name = m_columns.at(c).name.toUtf8();
            ExportEncoding::appendCsvField(head, name.constData(), name.size(), false, m_columns.size() == 1);
        }
        head.append('\n');
        break;
    case ExportRequest::Format::JsonLines:
        // The server writes the JSON, so numbers, booleans, json and arrays keep their JSON
        // types. `.*` makes the row itself the argument, even when a column is named strata_row.
        query = QStringLiteral("SELECT to_json(strata_row.*)::text FROM (%1) strata_row").arg(select);
        break;
    case ExportRequest::Format::Sql:
        head = sqlPreamble();
        break;
    }
    if (!file.write(head))
        return fileFailed(file);
    if (!m_session.run(Query{QStringLiteral("DECLARE %1 NO SCROLL CURSOR FOR %2").arg(cursorName, query),
                             m_request.params},
                       &m_error))
        return false;

    int batchRows = fetchRows;
    QByteArray out;
    for (;;) {
        int fetched = 0;
        bool writeFailed = false;
        const bool ok = m_session.run(
            Query{QStringLiteral("FETCH FORWARD %1 FROM %2").arg(batchRows).arg(cursorName), {}}, &m_error,
            [&](const RowBatch &rows) {
                fetched = rows.rowCount();
                out.resize(0);
                encodeRows(rows, out);
                writeFailed = !file.write(out);
                return !writeFailed;
            });
        if (writeFailed)
            return fileFailed(file);
        if (!ok)
            return false;
        if (fetched == 0)
            break;
        m_rows += fetched;
        advance(m_rows, file.bytesWritten());
        if (out.size() > maxBatchBytes && batchRows > 50)
            batchRows /= 2;
        if (out.capacity() > 2 * maxBatchBytes)
            out = QByteArray();  // one huge batch must not keep its memory for the rest
    }
    m_bytes = file.bytesWritten();
    return true;
}

void ExportJob::encodeRows(const RowBatch &rows, QByteArray &out) const
{
    const int columns = rows.columnCount();
    for (int r = 0; r < rows.rowCount(); ++r) {
        switch (m_request.format) {
        case ExportRequest::Format::Csv:
            for (int c = 0; c < columns; ++c) {
                if (c > 0)
                    out.append(',');
                ExportEncoding::appendCsvField(out, rows.data(r, c), rows.size(r, c), rows.isNull(r, c), columns == 1);
            }
            break;
        case ExportRequest::Format::JsonLines: {
            // to_json copies json values as they were typed, line breaks included; outside
            // strings (the only place JSON allows them raw) a space means the same.
            const qsizetype start = out.size();
            out.append(rows.data(r, 0), rows.size(r, 0));
            for (qsizetype i = start; i < out.size(); ++i) {
                if (out.at(i) == '\n' || out.at(i) == '\r')
                    out[i] = ' ';
            }
            break;
        }
        case ExportRequest::Format::Sql:
            out.append(m_insertPrefix);
            if (columns == 0)
                continue;  // the prefix is a whole DEFAULT VALUES statement
            for (int c = 0; c < columns; ++c) {
                if (c > 0)
                    out.append(", ");
                ExportEncoding::appendSqlLiteral(out, rows.data(r, c), rows.size(r, c), rows.isNull(r, c), rows.columnType(c));
            }
            out.append(");");
            break;
        }
        out.append('\n');
    }
}

QByteArray ExportJob::sqlPreamble() const
{
    QString text = Tr::tr("-- Rows of %1 exported by Strata on %2")
                       .arg(oneLine(m_relation), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    text += QLatin1Char('\n');
    if (!m_request.where.trimmed().isEmpty())
        text += Tr::tr("-- Filter: %1").arg(oneLine(m_request.where.trimmed())) + QLatin1Char('\n');
    // The literals double quotes only, which is right when standard_conforming_strings is on
    // (the default since PostgreSQL 9.1); the file says so, and says it is UTF-8.
    text += QStringLiteral("SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n");
    return text.toUtf8();
}

void ExportJob::advance(qint64 rows, qint64 bytes)
{
    if (!m_progress || m_sinceProgress.elapsed() < progressMs)
        return;
    m_sinceProgress.restart();
    m_progress(rows, bytes);
}

bool ExportJob::fileFailed(const PartFile &file)
{
    m_error = PgError{};
    m_error.kind = PgError::Kind::Client;
    m_error.message = file.errorString();
    return false;
}

} // namespace strata
