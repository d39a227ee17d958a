#pragma once

#include "data/ExportRequest.h"
#include "pg/PgError.h"
#include "pg/StreamSession.h"

#include <QElapsedTimer>

#include <functional>

namespace strata {

class PartFile;
class RowBatch;

// The blocking part of a TableExport, run on its thread: connects (StreamSession), reads the
// relation's columns, streams the rows into a PartFile — through COPY … TO STDOUT for CSV
// without parameters, through a cursor otherwise — and says how it ended.
class ExportJob
{
public:
    enum class Outcome { Finished, Failed, Cancelled };
    // Called on the job's thread, at most every 100 ms, with the rows and bytes written so far.
    using Progress = std::function<void(qint64 rows, qint64 bytes)>;

    ExportJob(ExportRequest request, Progress progress);

    Outcome run();  // once
    // Any thread, any time: run() stops within ~100 ms and returns Cancelled.
    void cancel() { m_session.cancel(); }

    qint64 rows() const { return m_rows; }
    qint64 bytes() const { return m_bytes; }
    const PgError &error() const { return m_error; }  // when run() returned Failed

private:
    struct Column {
        QString name;
        bool generated = false;       // GENERATED ALWAYS AS (…) STORED: no INSERT can set it
        bool identityAlways = false;  // GENERATED ALWAYS AS IDENTITY: INSERT needs OVERRIDING
    };

    bool begin();
    bool resolveColumns();
    bool exportByCopy(PartFile &file);
    bool exportByCursor(PartFile &file, const QString &select);
    QString selectSql(const QList<Column> &columns) const;
    QByteArray sqlPreamble() const;
    void encodeRows(const RowBatch &rows, QByteArray &out) const;
    void advance(qint64 rows, qint64 bytes);
    bool fileFailed(const PartFile &file);

    ExportRequest m_request;
    Progress m_progress;
    StreamSession m_session;
    QString m_relation;        // "schema"."table"
    QString m_relkind;         // pg_class.relkind
    bool m_hasChildren = false;
    QList<Column> m_columns;   // what is exported, in order
    QByteArray m_insertPrefix; // "INSERT INTO … VALUES (" for Format::Sql
    qint64 m_rows = 0;
    qint64 m_bytes = 0;
    PgError m_error;
    QElapsedTimer m_sinceProgress;
};

} // namespace strata
