#pragma once

#include "data/ExportRequest.h"
#include "pg/PgError.h"

#include <QObject>

#include <memory>

class QThread;

namespace strata {

class ExportJob;

// Writes a whole table, or its filtered rows, to a CSV, JSON lines or SQL file, streaming: it
// runs on a thread of its own with a connection of its own, holds one COPY row or one FETCH
// batch at a time, reports progress and can be cancelled. The file appears only when complete.
class TableExport : public QObject
{
    Q_OBJECT
public:
    explicit TableExport(QObject *parent = nullptr);
    ~TableExport() override;  // cancels and waits (at most ~100 ms plus a PQcancel)

    // Starts an export; false (and nothing happens) while one runs. Exactly one of finished(),
    // failed() or cancelled() follows, queued, after which isRunning() is false.
    bool start(const ExportRequest &request);
    // Safe any time; while an export runs it stops, removes its partial file and emits
    // cancelled() (or finished(), if it had already completed).
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

signals:
    void progressed(qint64 rows, qint64 bytes);  // at most every 100 ms
    void finished(qint64 rows, qint64 bytes);
    // The server's words (permission denied, no such relation, connection lost), or
    // Kind::Client when the file could not be written (disk full, no such folder).
    void failed(const strata::PgError &error);
    void cancelled();

private:
    void threadEnded();

    QThread *m_thread = nullptr;
    std::unique_ptr<ExportJob> m_job;
    int m_outcome = 0;  // ExportJob::Outcome, written by the thread before it ends
};

} // namespace strata
