#include "MigrationRunner.h"

#include "Tr.h"
#include "migrations/RunAudit.h"
#include "pg/Connection.h"

namespace strata {

namespace {

QString idOf(TransactionMode mode)
{
    return mode == TransactionMode::All ? QStringLiteral("all") : QStringLiteral("each");
}

} // namespace

QString RunReport::outcomeId(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Done: return QStringLiteral("done");
    case Outcome::NothingToDo: return QStringLiteral("nothing-to-do");
    case Outcome::DryRun: return QStringLiteral("dry-run");
    case Outcome::Refused: return QStringLiteral("refused");
    case Outcome::Failed: return QStringLiteral("failed");
    case Outcome::Cancelled: return QStringLiteral("cancelled");
    case Outcome::ConnectFailed: return QStringLiteral("connect-failed");
    case Outcome::ConnectionLost: return QStringLiteral("connection-lost");
    }
    return {};
}

MigrationRunner::MigrationRunner(ConnectionSpec spec, MigrationFolder folder, Ledger ledger, RunRequest request,
                                 QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_folder(std::move(folder))
    , m_ledger(std::move(ledger))
    , m_request(std::move(request))
    , m_connection(std::make_unique<Connection>(m_spec))
{
    connect(m_connection.get(), &Connection::finished, this, &MigrationRunner::onFinished);
    connect(m_connection.get(), &Connection::failed, this, &MigrationRunner::onFailed);
    connect(m_connection.get(), &Connection::lost, this, [this](const PgError &error) {
        m_connectionGone = true;
        if (m_pendingId == 0 && !m_ended) {
            m_report.error = error;
            m_report.message = error.toString();
            end(RunReport::Outcome::ConnectionLost);
        }
    });
}

MigrationRunner::~MigrationRunner() = default;

void MigrationRunner::setPassword(const QString &password)
{
    m_connection->setPassword(password);
}

void MigrationRunner::start()
{
    m_clock.start();
    connect(m_connection.get(), &Connection::opened, this, [this](const ServerInfo &info) {
        m_serverVersion = info.versionNumber;
        emit connected(info.version);
        if (m_cancelRequested) {
            end(RunReport::Outcome::Cancelled);
            return;
        }
        // A backend whose client died mid-statement (a killed process) notices within a
        // second instead of at the statement's end, and so releases the lock sooner.
        if (m_serverVersion >= 140000)
            send({QStringLiteral("SET client_connection_check_interval = 1000"), {}}, [this](const QueryResult &) { lock(); });
        else
            lock();
    });
    connect(m_connection.get(), &Connection::openFailed, this, [this](const PgError &error) {
        m_connectionGone = true;
        m_report.error = error;
        m_report.message = error.toString();
        end(RunReport::Outcome::ConnectFailed);
    });
    m_connection->open();
}

void MigrationRunner::send(const Query &query, Then then, Else otherwise)
{
    m_then = std::move(then);
    m_else = std::move(otherwise);
    m_pendingId = m_connection->submit(query);
}

void MigrationRunner::sendAll(QList<Query> queries, std::function<void()> then)
{
    if (queries.isEmpty()) {
        then();
        return;
    }
    const Query first = queries.takeFirst();
    send(first, [this, queries, then](const QueryResult &) { sendAll(queries, then); });
}

void MigrationRunner::onFinished(quint64 id, const QueryResult &result)
{
    if (id != m_pendingId)
        return;
    m_pendingId = 0;
    const Then then = std::move(m_then);
    m_else = {};
    // A cancel that came after the statement ended is seen by stopIfCancelled() at the next
    // step: `then` still records what the statement did (a BEGIN, a COMMIT).
    if (then)
        then(result);
}

void MigrationRunner::onFailed(quint64 id, const PgError &error)
{
    if (id != m_pendingId)
        return;
    m_pendingId = 0;
    const Else otherwise = std::move(m_else);
    m_then = {};
    if (error.kind == PgError::Kind::ConnectionLost)
        m_connectionGone = true;
    if (otherwise)
        otherwise(error);
    else
        fail(error);
}

void MigrationRunner::lock()
{
    const QString key = QString::number(lockKey());
    send({QStringLiteral("SELECT pg_try_advisory_lock($1::bigint)"), {key}}, [this, key](const QueryResult &result) {
        if (result.value(0, 0) == QLatin1String("t")) {
            m_locked = true;
            readLedger();
            return;
        }
        const Query holder{QStringLiteral("SELECT pid FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND granted "
                                          "AND classid = $1::oid AND objid = $2::oid AND objsubid = 1 LIMIT 1"),
                           {QString::number(quint64(lockKey()) >> 32), QString::number(quint64(lockKey()) & 0xffffffffULL)}};
        send(holder, [this, key](const QueryResult &holders) {
            const int pid = holders.rowCount() > 0 ? holders.value(0, 0).toInt() : 0;
            emit waiting(pid);
            if (!m_request.wait) {
                refuse(pid > 0 ? Tr::tr("another migration run holds the lock (server process %1); not waiting, as "
                                        "asked (--no-wait)").arg(pid)
                               : Tr::tr("another migration run holds the lock; not waiting, as asked (--no-wait)"));
                return;
            }
            // No timeout the server or role may set must end the wait for the other run.
            sendAll({{QStringLiteral("SET lock_timeout = 0"), {}},
                     {QStringLiteral("SET statement_timeout = 0"), {}},
                     {QStringLiteral("SELECT pg_advisory_lock($1::bigint)"), {key}}},
                    [this] {
                        m_locked = true;
                        readLedger();
                    });
        });
    });
}

void MigrationRunner::readLedger()
{
    const Query timeouts{QStringLiteral("SELECT set_config('lock_timeout', $1, false), "
                                        "set_config('statement_timeout', $2, false)"),
                         {QString::number(m_request.lockTimeoutMs) + QStringLiteral("ms"),
                          QString::number(m_request.statementTimeoutMs) + QStringLiteral("ms")}};
    send(timeouts, [this](const QueryResult &) {
        send(m_ledger.shapeQuery(), [this](const QueryResult &columns) {
            const Ledger::Shape shape = Ledger::shapeFrom(columns);
            if (!shape.exists) {
                makePlan(shape, {});
                return;
            }
            send(m_ledger.readQuery(shape), [this, shape](const QueryResult &rows) {
                makePlan(shape, Ledger::rowsFrom(rows, shape));
            });
        });
    });
}

bool MigrationRunner::stopIfCancelled()
{
    if (!m_cancelRequested || m_ending)
        return false;
    abort(RunReport::Outcome::Cancelled);
    return true;
}

void MigrationRunner::makePlan(const Ledger::Shape &shape, const QList<LedgerRow> &rows)
{
    if (stopIfCancelled())
        return;
    m_plan = Plan::of(m_folder, rows);
    m_shape = shape;
    if (m_folder.hasErrors()) {
        refuse(Tr::tr("the migrations folder has errors ('strata check' shows them)"));
        return;
    }
    const QList<Migration> &migrations = m_folder.migrations();
    int target = -1;
    if (!m_request.target.isEmpty()) {
        const auto found = std::find_if(migrations.cbegin(), migrations.cend(),
                                        [&](const Migration &m) { return m.tag == m_request.target; });
        if (found == migrations.cend()) {
            refuse(Tr::tr("no migration %1 in the folder").arg(m_request.target));
            return;
        }
        target = int(found - migrations.cbegin());
    }

    if (m_request.action == RunRequest::Action::Migrate) {
        QStringList problems;
        for (const PlanEntry &entry : m_plan.entries()) {
            const QString tag = entry.migration >= 0 ? migrations.at(entry.migration).tag : QString();
            if (entry.state == PlanEntry::State::Modified && !m_request.allowModified) {
                problems << Tr::tr("%1 was changed after it was applied; restore the file, or pass --allow-modified to "
                                   "apply the rest anyway").arg(tag);
            } else if (entry.state == PlanEntry::State::OutOfOrder && !m_request.allowOutOfOrder
                       && (target < 0 || entry.migration <= target)) {
                problems << Tr::tr("%1 is older than the newest applied migration (drizzle-kit migrate would skip it for "
                                   "ever); pass --allow-out-of-order to apply it").arg(tag);
            } else if (entry.state == PlanEntry::State::Missing && !m_request.allowMissing) {
                problems << Tr::tr("the ledger records a migration (row %1, hash %2) that is not in the folder; pass "
                                   "--allow-missing to go on without it").arg(entry.rows.first().id)
                                .arg(entry.rows.first().hash.left(12));
            }
        }
        if (!problems.isEmpty()) {
            refuse(problems.join(QLatin1Char('\n')));
            return;
        }
        Ledger::Shape effective = shape;
        if (!effective.exists) {
            const bool names = m_folder.layout() == MigrationFolder::Layout::Folders;
            effective = {true, names, names};
        }
        m_batch = MigrationBatch::up(m_folder, m_plan.toApply(m_request.allowOutOfOrder, target), m_ledger, effective,
                                     m_request.mode, m_serverVersion);
    } else {
        const QList<int> applied = m_plan.appliedNewestFirst();
        QList<int> undo;
        if (target >= 0) {
            if (!m_plan.isApplied(target)) {
                refuse(Tr::tr("%1 is not applied: roll back to an applied migration").arg(m_request.target));
                return;
            }
            for (int index : applied) {
                if (index > target)
                    undo.append(index);
            }
        } else {
            if (m_request.steps > applied.size()) {
                refuse(Tr::tr("cannot roll back %n migration(s): only %1 applied", nullptr, m_request.steps)
                           .arg(applied.size()));
                return;
            }
            undo = applied.mid(0, m_request.steps);
        }
        QString error;
        const std::optional<MigrationBatch> down = MigrationBatch::down(m_folder, m_plan, undo, m_ledger, &error);
        if (!down) {
            refuse(error);
            return;
        }
        m_batch = *down;
    }
    if (!m_batch.refusal().isEmpty()) {
        refuse(m_batch.refusal());
        return;
    }
    m_report.notApplied = m_batch.tags();
    // Set before planned(): a receiver may call proceed() or cancel() from within it.
    const bool ask = m_request.confirm && !m_batch.isEmpty() && !m_request.dryRun;
    m_awaitingProceed = ask;
    emit planned();
    if (m_ended || (ask && !m_awaitingProceed))
        return;  // cancelled or proceeded from within planned()
    if (m_batch.isEmpty())
        end(RunReport::Outcome::NothingToDo);
    else if (m_request.dryRun)
        end(RunReport::Outcome::DryRun);
    else if (!ask)
        run();
}

void MigrationRunner::proceed()
{
    if (!m_awaitingProceed || m_ended)
        return;
    m_awaitingProceed = false;
    run();
}

void MigrationRunner::run()
{
    if (stopIfCancelled())
        return;
    QList<Query> setup;
    if (m_batch.direction() == MigrationBatch::Direction::Up && !m_shape.exists)
        setup += m_ledger.createQueries(m_folder.layout() == MigrationFolder::Layout::Folders);
    if (!m_request.audit) {
        sendAll(setup, [this] { next(); });
        return;
    }
    const RunAudit audit(m_ledger);
    setup += audit.createQueries();
    setup += audit.interruptedQuery();
    const QString action = m_request.action == RunRequest::Action::Migrate ? QStringLiteral("migrate")
                                                                             : QStringLiteral("rollback");
    sendAll(setup, [this, audit, action] {
        send(audit.startQuery(action, m_batch.tags(), idOf(m_request.mode)), [this](const QueryResult &result) {
            m_auditId = result.value(0, 0).toLongLong();
            next();
        });
    });
}

void MigrationRunner::next()
{
    if (stopIfCancelled())
        return;
    if (m_migration == m_batch.migrations().size()) {
        commitThen([this] { end(RunReport::Outcome::Done); });
        return;
    }
    const int index = m_migration;
    const BatchMigration &migration = m_batch.migrations().at(index);
    const int count = int(migration.statements.size());
    if (m_statement < 0) {
        m_statement = 0;
        m_migrationClock.start();
        emit migrationStarted(index, int(m_batch.migrations().size()), migration.tag, count);
    }

    if (m_statement < count) {
        const int number = m_statement;
        const BatchStatement &statement = migration.statements.at(number);
        emit statementStarted(index, number, count, statement.sql);
        m_statementClock.start();
        const auto advance = [this, index, number] {
            emit statementFinished(index, number, m_statementClock.elapsed());
            ++m_statement;
            next();
        };
        // The file's own BEGIN and COMMIT move the run's transaction instead of being sent.
        if (statement.control == BatchStatement::Control::Begin) {
            beginThen(advance);
            return;
        }
        if (statement.control == BatchStatement::Control::Commit) {
            commitThen(advance);
            return;
        }
        const auto execute = [this, index, number, advance] {
            const BatchStatement &statement = m_batch.migrations().at(index).statements.at(number);
            send({statement.sql, {}},
                 [this, index, number, advance](const QueryResult &) {
                     const BatchMigration &migration = m_batch.migrations().at(index);
                     if (migration.statements.at(number).standalone)
                         m_report.partial = migration.tag;
                     else
                         m_ranInTransaction = true;
                     advance();
                 },
                 [this, index, number](const PgError &error) {
                     const BatchMigration &migration = m_batch.migrations().at(index);
                     const BatchStatement &failed = migration.statements.at(number);
                     m_report.failedTag = migration.tag;
                     m_report.failedFile = migration.file;
                     m_report.statement = failed.sql;
                     m_report.position = error.position <= 0 ? failed.start
                         : failed.statement >= 0 ? migration.script.locateInStatement(failed.piece, failed.statement, error.position)
                                                 : migration.script.locateInPiece(failed.piece, error.position);
                     fail(error);
                 });
        };
        if (statement.standalone)
            commitThen(execute);
        else
            beginThen(execute);
        return;
    }

    beginThen([this, index] {
        const BatchMigration &migration = m_batch.migrations().at(index);
        sendAll(migration.ledger, [this, index] {
            const BatchMigration &migration = m_batch.migrations().at(index);
            m_uncommitted.append(migration.tag);
            m_ranInTransaction = false;
            emit migrationFinished(index, migration.tag, m_migrationClock.elapsed());
            ++m_migration;
            m_statement = -1;
            if (migration.commitAfter)
                commitThen([this] { next(); });
            else
                next();
        });
    });
}

void MigrationRunner::beginThen(std::function<void()> then)
{
    if (m_inTransaction) {
        then();
        return;
    }
    send({QStringLiteral("BEGIN"), {}}, [this, then](const QueryResult &) {
        m_inTransaction = true;
        then();
    });
}

void MigrationRunner::commitThen(std::function<void()> then)
{
    if (!m_inTransaction) {
        then();
        return;
    }
    send({QStringLiteral("COMMIT"), {}}, [this, then](const QueryResult &) {
        m_inTransaction = false;
        m_report.applied += m_uncommitted;
        if (m_uncommitted.contains(m_report.partial))
            m_report.partial.clear();
        // A COMMIT in the middle of a migration (the file's own, or before a statement that
        // cannot run in a transaction block) keeps what it ran so far, whatever happens next:
        // the report says so until the migration's ledger row commits.
        if (m_ranInTransaction)
            m_report.partial = m_batch.migrations().at(m_migration).tag;
        m_ranInTransaction = false;
        const QStringList tags = m_uncommitted;
        m_uncommitted.clear();
        if (!tags.isEmpty())
            emit committed(tags);
        then();
    });
}

void MigrationRunner::fail(const PgError &error)
{
    m_report.error = error;
    m_report.message = error.toString();
    if (error.kind == PgError::Kind::ConnectionLost) {
        m_inTransaction = false;
        m_uncommitted.clear();
        end(RunReport::Outcome::ConnectionLost);
        return;
    }
    abort(m_cancelRequested && error.kind == PgError::Kind::Cancelled ? RunReport::Outcome::Cancelled
                                                                        : RunReport::Outcome::Failed);
}

void MigrationRunner::refuse(const QString &message)
{
    m_report.message = message;
    end(RunReport::Outcome::Refused);
}

void MigrationRunner::abort(RunReport::Outcome outcome)
{
    m_ending = true;
    m_uncommitted.clear();
    if (!m_inTransaction || m_connectionGone) {
        end(outcome);
        return;
    }
    const auto rolledBack = [this, outcome] {
        m_inTransaction = false;
        end(outcome);
    };
    send({QStringLiteral("ROLLBACK"), {}}, [rolledBack](const QueryResult &) { rolledBack(); },
         [rolledBack](const PgError &) { rolledBack(); });
}

void MigrationRunner::cancel()
{
    if (m_ended)
        return;
    m_cancelRequested = true;
    if (m_awaitingProceed) {
        m_awaitingProceed = false;
        abort(RunReport::Outcome::Cancelled);
    } else if (m_pendingId != 0 && !m_ending) {
        m_connection->cancel();
    }
}

void MigrationRunner::end(RunReport::Outcome outcome)
{
    if (m_ended)
        return;
    m_ended = true;
    m_ending = true;
    m_report.outcome = outcome;
    for (const QString &tag : std::as_const(m_report.applied))
        m_report.notApplied.removeOne(tag);
    m_report.durationMs = m_clock.elapsed();
    if (m_connectionGone || !m_connection->isOpen()) {
        finish();
        return;
    }
    QList<Query> closing;
    if (m_auditId > 0) {
        static const QHash<RunReport::Outcome, QString> results{
            {RunReport::Outcome::Done, QStringLiteral("succeeded")},
            {RunReport::Outcome::Failed, QStringLiteral("failed")},
            {RunReport::Outcome::Cancelled, QStringLiteral("cancelled")}};
        closing.append(RunAudit(m_ledger).finishQuery(m_auditId, results.value(outcome, RunReport::outcomeId(outcome)),
                                                      m_report.applied, m_report.message, m_report.durationMs));
    }
    if (m_locked)
        closing.append({QStringLiteral("SELECT pg_advisory_unlock($1::bigint)"), {QString::number(lockKey())}});
    closeWith(closing);
}

// What closes the run must not fail it: a failure here only ends the closing early.
void MigrationRunner::closeWith(QList<Query> queries)
{
    if (queries.isEmpty() || m_connectionGone) {
        finish();
        return;
    }
    const Query first = queries.takeFirst();
    send(first, [this, queries](const QueryResult &) { closeWith(queries); },
         [this](const PgError &) { finish(); });
}

void MigrationRunner::finish()
{
    m_connection->disconnect(this);
    emit finished(m_report);
}

} // namespace strata
