#pragma once

#include "ConnectionSpec.h"
#include "PgError.h"
#include "QueryResult.h"

#include <QObject>
#include <QPointer>
#include <QThread>

namespace strata {

class DbWorker;

using RequestId = quint64;

// What the server told us about itself once connected.
struct ServerInfo {
    QString version;         // "15.18"
    int versionNumber = 0;   // 150018
    QString user;
    QString database;
    QString host;            // host name or socket directory
    QString port;
    int backendPid = 0;
};

// One database session for the GUI thread: a PGconn on a thread of its own (DbWorker).
// Every call returns at once; results, errors and state changes arrive as queued signals.
class Connection : public QObject
{
    Q_OBJECT
public:
    enum class State { Closed, Connecting, Open, Lost };
    Q_ENUM(State)

    explicit Connection(ConnectionSpec spec, QObject *parent = nullptr);
    ~Connection() override;

    const ConnectionSpec &spec() const { return m_spec; }
    void setPassword(const QString &password);  // used by the next open()/reconnect()
    const QString &password() const { return m_password; }  // for a second session on the same server
    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }
    const ServerInfo &serverInfo() const { return m_serverInfo; }

    void open();       // -> opened() or openFailed()
    // Cancels what runs, drops the old session (if any) and opens a new one; whatever the
    // old session still reports is ignored.
    void reconnect();

    // Queued in order; one runs at a time. -> finished(id, …) or failed(id, …).
    RequestId submit(const Query &query);
    RequestId submit(const QString &sql, const QStringList &params = {});
    // Runs `queries` in order in one transaction, REPEATABLE READ and READ ONLY, so that all of
    // them read one snapshot (on a session already in a transaction: in that one, left open).
    // They go to the server together (libpq's pipeline mode): none waits for the one before
    // it to be read, and no round trip through this thread lies between them. Each must be a
    // single statement. Statement i reports as submit() does, under the id first + i, where
    // `first` is what this returns: finished(first + i, …) in order, or failed(first + i, …)
    // once, after which the rest report nothing. Empty `queries`: nothing happens, returns 0.
    RequestId submitSnapshot(const QList<Query> &queries);
    // Cancels the statement running now (PQcancel); queued ones still run.
    void cancel();
    // Cancels one request (for submitSnapshot(): its first id, which stands for all of its
    // statements) and touches no other: if it runs, the server interrupts it; if it has not
    // started, it never does. Unless it has reported already, it then reports
    // failed(…, Cancelled), once. Any thread may call this.
    void cancelRequest(RequestId id);

signals:
    void opened(const strata::ServerInfo &info);
    void openFailed(const strata::PgError &error);
    void finished(strata::RequestId id, const strata::QueryResult &result);
    void failed(strata::RequestId id, const strata::PgError &error);
    // The server went away; queries fail until reconnect().
    void lost(const strata::PgError &error);
    void stateChanged(strata::Connection::State state);

private:
    void setState(State state);

    ConnectionSpec m_spec;
    QString m_password;
    QThread *m_thread;   // deletes itself, and the worker, once its event loop has ended
    DbWorker *m_worker;  // lives on m_thread
    quint64 m_generation = 0;  // of the session asked for last
    State m_state = State::Closed;
    ServerInfo m_serverInfo;
    RequestId m_nextId = 1;
};

} // namespace strata

Q_DECLARE_METATYPE(strata::ServerInfo)
