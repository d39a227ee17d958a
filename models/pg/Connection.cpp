#include "Connection.h"

#include "DbWorker.h"

namespace strata {

namespace {

void registerTypes()
{
    static const bool once = [] {
        qRegisterMetaType<strata::RequestId>("strata::RequestId");
        qRegisterMetaType<strata::PgError>();
        qRegisterMetaType<strata::QueryResult>();
        qRegisterMetaType<strata::ServerInfo>();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace

Connection::Connection(ConnectionSpec spec, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_thread(new QThread)
    , m_worker(new DbWorker)
{
    registerTypes();
    m_worker->moveToThread(m_thread);
    m_thread->setObjectName(QStringLiteral("strata-db"));
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);

    connect(m_worker, &DbWorker::opened, this, [this](const ServerInfo &info, quint64 generation) {
        if (generation != m_generation)
            return;
        m_serverInfo = info;
        setState(State::Open);
        emit opened(info);
    });
    connect(m_worker, &DbWorker::openFailed, this, [this](const PgError &error, quint64 generation) {
        if (generation != m_generation)
            return;
        setState(State::Closed);
        emit openFailed(error);
    });
    connect(m_worker, &DbWorker::finished, this, &Connection::finished);
    connect(m_worker, &DbWorker::failed, this, &Connection::failed);
    connect(m_worker, &DbWorker::lost, this, [this](const PgError &error, quint64 generation) {
        if (generation != m_generation)
            return;
        setState(State::Lost);
        emit lost(error);
    });
    m_thread->start();
}

Connection::~Connection()
{
    // Never wait here: a connect attempt can block its thread for connect_timeout. Skip
    // what is queued, stop what runs, and let the worker close and end its thread by itself.
    disconnect(m_worker, nullptr, this, nullptr);
    m_worker->setClosing(true);
    m_worker->cancel();
    DbWorker *worker = m_worker;
    QThread *thread = m_thread;
    QMetaObject::invokeMethod(m_worker, [worker, thread] {
        worker->close();
        thread->quit();
    }, Qt::QueuedConnection);
}

void Connection::setPassword(const QString &password)
{
    m_password = password;
}

void Connection::open()
{
    setState(State::Connecting);
    ConnectionSpec spec = m_spec;
    if (!m_password.isEmpty())
        spec.setValue(QStringLiteral("password"), m_password);
    const DbWorker::Params params = spec.libpqParams();
    const quint64 generation = ++m_generation;
    DbWorker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [worker, params, generation] { worker->open(params, generation); },
                              Qt::QueuedConnection);
}

void Connection::reconnect()
{
    m_worker->cancel();
    open();  // DbWorker::open drops the old session first
}

RequestId Connection::submit(const Query &query)
{
    const RequestId id = m_nextId++;
    DbWorker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [worker, id, query] { worker->execute(id, query); },
                              Qt::QueuedConnection);
    return id;
}

RequestId Connection::submit(const QString &sql, const QStringList &params)
{
    return submit(Query{sql, params});
}

RequestId Connection::submitSnapshot(const QList<Query> &queries)
{
    if (queries.isEmpty())
        return 0;
    const RequestId first = m_nextId;
    m_nextId += RequestId(queries.size());
    DbWorker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [worker, first, queries] { worker->executeSnapshot(first, queries); },
                              Qt::QueuedConnection);
    return first;
}

void Connection::cancel()
{
    m_worker->cancel();
}

void Connection::cancelRequest(RequestId id)
{
    m_worker->cancel(id);
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace strata
