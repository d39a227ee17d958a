#pragma once

#include "Connection.h"

#include <QMutex>
#include <QObject>

#include <atomic>

struct pg_conn;
struct pg_cancel;
class QSocketNotifier;

namespace strata {

// Owns one PGconn on the thread it lives on and runs statements there, one at a time.
// Only Connection talks to it; cancel() is the one call that is safe from another thread.
class DbWorker : public QObject
{
    Q_OBJECT
public:
    using Params = QList<QPair<QByteArray, QByteArray>>;

    DbWorker();
    ~DbWorker() override;

    // Called on the worker's thread (queued from Connection).
    // `generation` comes back with opened/openFailed/lost, so that Connection can drop
    // what an older session says after a reconnect.
    void open(const Params &params, quint64 generation);
    void execute(RequestId id, const Query &query);
    // Connection::submitSnapshot(): statement i reports under first + i.
    void executeSnapshot(RequestId first, const QList<Query> &queries);
    void close();

    // Any thread: asks the server to cancel the statement running now.
    void cancel();
    // Any thread: Connection::cancelRequest().
    void cancel(RequestId id);
    // Any thread: queued statements that have not started yet are dropped.
    void setClosing(bool closing) { m_closing = closing; }

signals:
    void opened(const strata::ServerInfo &info, quint64 generation);
    void openFailed(const strata::PgError &error, quint64 generation);
    void finished(strata::RequestId id, const strata::QueryResult &result);
    void failed(strata::RequestId id, const strata::PgError &error);
    void lost(const strata::PgError &error, quint64 generation);

private:
    void closeConnection();
    void watchSocket();
    void checkIdleSocket();
    PgError connectionLostError() const;
    // Requests run one at a time, in id order: [first, last] is the one starting now. False
    // when it was cancelled before it started (it is then over).
    bool startRequest(RequestId first, RequestId last);
    bool isCancelled(RequestId first);
    void endRequest(RequestId last);

    pg_conn *m_conn = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QMutex m_cancelMutex;  // guards m_cancel against cancel() from the GUI thread
    pg_cancel *m_cancel = nullptr;
    // Also guarded by m_cancelMutex: the request running (0 when none), the last one that
    // ended, and cancelRequest() ids of requests that have not ended yet.
    RequestId m_runningFirst = 0;
    RequestId m_runningLast = 0;
    RequestId m_endedUpTo = 0;
    QList<RequestId> m_cancelledIds;
    std::atomic<bool> m_busy = false;
    std::atomic<bool> m_closing = false;
    quint64 m_generation = 0;
};

} // namespace strata
