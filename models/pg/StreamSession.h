#pragma once

#include "pg/ConnectionSpec.h"
#include "pg/PgError.h"
#include "pg/QueryResult.h"

#include <QDeadlineTimer>

#include <atomic>
#include <functional>

struct pg_conn;

namespace strata {

class RowBatch;

// One libpq session driven by the thread that calls it, for results too large to hold: a
// COPY … TO STDOUT handed over row by row, or a statement's rows (a cursor's FETCH) batch by
// batch. Calls block, but every wait polls the socket, so that cancel() — the one call that is
// safe from another thread — stops the running call within 100 ms: the session then asks the
// server to stop (PQcancel, from the calling thread, never the one that cancels) and closes.
// Connection/DbWorker serve the GUI with whole results; this serves exports on a thread of
// their own.
class StreamSession
{
public:
    // Called with the rows of each result; false stops the call (see run()).
    using RowSink = std::function<bool(const RowBatch &rows)>;
    // Called with each row COPY sends (one row per call, in COPY's format).
    using CopySink = std::function<bool(const char *data, int size)>;

    StreamSession() = default;
    ~StreamSession();  // closes
    StreamSession(const StreamSession &) = delete;
    StreamSession &operator=(const StreamSession &) = delete;

    // Connects as Connection does (spec.libpqParams(), `password` unless empty), honouring
    // connect_timeout, which libpq leaves to the caller of its non-blocking connect.
    bool open(const ConnectionSpec &spec, const QString &password, PgError *error);
    bool isOpen() const { return m_conn != nullptr; }
    int serverVersion() const;

    // Runs one statement (extended protocol: `params` as $1…, a null QString = NULL) and hands
    // its rows, if it returns any, to `sink`. False and *error when the server or the
    // connection fails (the session stays open after a server error), or when cancelled
    // (Kind::Cancelled; the session is closed). A sink that returns false also stops the call
    // and closes the session; *error is then left alone, for the caller to say why.
    bool run(const Query &query, PgError *error, const RowSink &sink = {});
    // Runs a COPY … TO STDOUT (no parameters: COPY takes none) and hands `sink` each row as
    // it arrives; nothing is kept. Fails and stops as run() does.
    bool copyOut(const QString &sql, const CopySink &sink, PgError *error);

    // Any thread, any time: the running call (or the next one) stops with Kind::Cancelled.
    void cancel() { m_cancelled = true; }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

    void close();

private:
    enum class Wait { Read, Write };
    // Until the socket is ready; false when cancelled or when `deadline` passed.
    bool waitSocket(Wait wait, QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever));
    // Reads until libpq has the next result (or none) ready; false and *error when the
    // connection broke or the call was cancelled (both close the session).
    bool awaitResult(PgError *error);
    // Reads every result up to the end of the statement; the first error goes to *error.
    bool finishStatement(PgError *error, const RowSink &sink);
    bool fail(PgError *error, const PgError &reason);
    bool failCancelled(PgError *error);
    bool stopForSink();
    // Asks the server to stop what runs, then closes.
    void abort();

    pg_conn *m_conn = nullptr;
    std::atomic<bool> m_cancelled = false;
};

} // namespace strata
