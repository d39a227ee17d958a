#include "TableExport.h"

#include "ExportJob.h"

#include <QThread>

namespace strata {

TableExport::TableExport(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<strata::PgError>();
}

TableExport::~TableExport()
{
    if (!m_thread)
        return;
    m_job->cancel();
    m_thread->wait();
    delete m_thread;  // its queued finished() goes with this object
}

bool TableExport::start(const ExportRequest &request)
{
    if (m_thread)
        return false;
    m_job = std::make_unique<ExportJob>(request, [this](qint64 rows, qint64 bytes) {
        // Runs on the job's thread; the signal goes out on this object's.
        QMetaObject::invokeMethod(this, [this, rows, bytes] { emit progressed(rows, bytes); }, Qt::QueuedConnection);
    });
    ExportJob *job = m_job.get();
    m_thread = QThread::create([this, job] { m_outcome = int(job->run()); });
    m_thread->setObjectName(QStringLiteral("strata-export"));
    // Queued to this object's thread, after every progressed() the job posted.
    connect(m_thread, &QThread::finished, this, &TableExport::threadEnded, Qt::QueuedConnection);
    m_thread->start();
    return true;
}

void TableExport::cancel()
{
    if (m_job)
        m_job->cancel();
}

void TableExport::threadEnded()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    // Kept until now: cancel() may have been called on it until the thread ended.
    const std::unique_ptr<ExportJob> job = std::move(m_job);
    switch (ExportJob::Outcome(m_outcome)) {
    case ExportJob::Outcome::Finished:
        emit finished(job->rows(), job->bytes());
        break;
    case ExportJob::Outcome::Failed:
        emit failed(job->error());
        break;
    case ExportJob::Outcome::Cancelled:
        emit cancelled();
        break;
    }
}

} // namespace strata
