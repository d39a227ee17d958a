#pragma once

#include "migrations/Ledger.h"
#include "migrations/MigrationBatch.h"
#include "migrations/MigrationFolder.h"
#include "migrations/Plan.h"
#include "pg/ConnectionSpec.h"
#include "pg/PgError.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>

namespace strata {

class Connection;
struct QueryResult;

// What a run is asked to do.
struct RunRequest {
    enum class Action { Migrate, Rollback };
    Action action = Action::Migrate;
    TransactionMode mode = TransactionMode::All;
    int lockTimeoutMs = 10000;    // lock_timeout for the run's statements; 0: wait for ever
    int statementTimeoutMs = 0;   // statement_timeout; 0: none
    bool wait = true;             // for another run's lock; false: refuse at once
    bool audit = true;            // record the run in RunAudit's table
    bool dryRun = false;          // plan, show, and change nothing
    bool confirm = false;         // after planned(), wait for proceed() (or cancel())
    // Migrate: up to this tag (empty: all), and what may be applied anyway.
    QString target;
    bool allowOutOfOrder = false;
    bool allowModified = false;
    bool allowMissing = false;
    // Rollback: back to `target` (it stays applied), or the newest `steps` migrations.
    int steps = 0;
};

// How a run ended, and what it left.
struct RunReport {
    enum class Outcome {
        Done,            // everything planned was applied (or rolled back)
        NothingToDo,
        DryRun,          // planned and shown; nothing changed
        Refused,         // the plan is not safe to run as asked; nothing changed
        Failed,          // a statement failed; its transaction rolled back
        Cancelled,       // cancel(); the open transaction rolled back
        ConnectFailed,   // never connected
        ConnectionLost,  // the server went away; the server rolled back the open transaction
    };
    Outcome outcome = Outcome::Done;
    QString message;          // why it was refused or failed, for people
    PgError error;            // the server's error, when there was one
    QString failedTag;        // the migration whose statement failed
    QString failedFile;       // relative to the folder
    TextPosition position;    // where in failedFile the error is
    QString statement;        // the statement that failed
    QStringList applied;      // migrations committed (rolled back, for a rollback) in this run
    QStringList notApplied;   // planned ones that were not
    QString partial;          // a migration whose non-transactional statements stayed applied although it did not finish
    qint64 durationMs = 0;

    static QString outcomeId(Outcome outcome);  // stable, for JSON: "done", "failed", …
};

// Applies or rolls back a folder's migrations on one database session of its own (a
// Connection: the network work happens on its worker thread, this object only reacts to
// signals). It takes a session-level advisory lock (lockKey()) before it reads the
// ledger, so two runners never overlap; plans (Plan, MigrationBatch); reports each
// statement; commits as the batch says; records the run (RunAudit); and can be cancelled
// at any point (PQcancel for a running statement, then ROLLBACK).
class MigrationRunner : public QObject
{
    Q_OBJECT
public:
    // pg_advisory_lock's key: the bytes "strata" followed by two zero bytes, as a bigint.
    static constexpr qint64 lockKey() { return 0x7374726174610000LL; }

    MigrationRunner(ConnectionSpec spec, MigrationFolder folder, Ledger ledger, RunRequest request,
                    QObject *parent = nullptr);
    ~MigrationRunner() override;

    void setPassword(const QString &password);
    void start();    // -> … -> finished(), exactly once
    void proceed();  // after planned() when the request asked to confirm
    void cancel();   // safe at any time; finished(Cancelled) unless it already ended

    const Plan &plan() const { return m_plan; }
    const MigrationBatch &batch() const { return m_batch; }
    int serverVersion() const { return m_serverVersion; }

signals:
    void connected(const QString &serverVersion);
    void waiting(int holderPid);  // another run holds the lock; 0 when its pid is not visible
    void planned();               // plan() and batch() are ready; nothing has run yet
    void migrationStarted(int index, int count, const QString &tag, int statements);
    void statementStarted(int index, int statement, int statements, const QString &sql);
    void statementFinished(int index, int statement, qint64 elapsedMs);
    void migrationFinished(int index, const QString &tag, qint64 elapsedMs);
    void committed(const QStringList &tags);
    void finished(const strata::RunReport &report);

private:
    using Then = std::function<void(const QueryResult &)>;
    using Else = std::function<void(const PgError &)>;
    void send(const Query &query, Then then, Else otherwise = {});
    void sendAll(QList<Query> queries, std::function<void()> then);
    void onFinished(quint64 id, const QueryResult &result);
    void onFailed(quint64 id, const PgError &error);

    void lock();
    void readLedger();
    void makePlan(const Ledger::Shape &shape, const QList<LedgerRow> &rows);
    void run();
    void next();
    void beginThen(std::function<void()> then);
    void commitThen(std::function<void()> then);
    void fail(const PgError &error);
    void refuse(const QString &message);
    void abort(RunReport::Outcome outcome);  // rolls back the open transaction, then end()
    bool stopIfCancelled();                  // abort(Cancelled) when cancel() was asked for
    void end(RunReport::Outcome outcome);    // records the run, unlocks, then finish()
    void closeWith(QList<Query> queries);
    void finish();

    ConnectionSpec m_spec;
    MigrationFolder m_folder;
    Ledger m_ledger;
    RunRequest m_request;
    std::unique_ptr<Connection> m_connection;
    int m_serverVersion = 0;

    Plan m_plan;
    MigrationBatch m_batch;
    Ledger::Shape m_shape;
    RunReport m_report;
    QElapsedTimer m_clock;

    quint64 m_pendingId = 0;
    Then m_then;
    Else m_else;
    bool m_awaitingProceed = false;
    bool m_cancelRequested = false;
    bool m_ended = false;
    bool m_ending = false;          // rolling back or closing: a cancel no longer interrupts
    bool m_connectionGone = false;  // lost or never opened: nothing more can be sent
    bool m_locked = false;
    bool m_inTransaction = false;
    qint64 m_auditId = 0;

    // Where the run is: migration m, statement s (== count: its bookkeeping is next).
    int m_migration = 0;
    int m_statement = -1;
    QStringList m_uncommitted;   // finished in the open transaction
    bool m_ranInTransaction = false;  // the current migration ran statements in the open transaction
    QElapsedTimer m_migrationClock;
    QElapsedTimer m_statementClock;
};

} // namespace strata

Q_DECLARE_METATYPE(strata::RunReport)
