#pragma once

#include "DatabaseOptions.h"
#include "migrations/MigrationRunner.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <functional>

namespace strata {

// What `strata migrate` and `strata rollback` share: the database and folder options, the
// run's options (--dry-run, --tx, timeouts, --no-wait, --no-audit, --json), and running a
// MigrationRunner with a RunConsole.
class RunOptions
{
public:
    RunOptions();
    void addTo(QCommandLineParser &parser) const;

    // Resolves the database and folder, fills `request` from the options, runs it, and returns
    // the exit code (2 for bad usage or a folder with errors). `confirm` is asked after the plan
    // when request.confirm is set.
    int execute(const QString &command, const QCommandLineParser &parser, RunRequest request,
                const std::function<bool(const MigrationRunner &)> &confirm = {}) const;
    bool json(const QCommandLineParser &parser) const { return parser.isSet(m_json); }
    bool dryRun(const QCommandLineParser &parser) const { return parser.isSet(m_dryRun); }

private:
    DatabaseOptions m_database;
    QCommandLineOption m_dryRun;
    QCommandLineOption m_tx;
    QCommandLineOption m_lockTimeout;
    QCommandLineOption m_statementTimeout;
    QCommandLineOption m_noWait;
    QCommandLineOption m_noAudit;
    QCommandLineOption m_json;
};

} // namespace strata
