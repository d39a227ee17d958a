#include "RunOptions.h"

#include "RunConsole.h"
#include "Tr.h"

#include <QTextStream>

namespace strata {

namespace {

bool milliseconds(const QCommandLineParser &parser, const QCommandLineOption &option, int *value, QString *error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const int parsed = parser.value(option).toInt(&ok);
    if (!ok || parsed < 0) {
        *error = Tr::tr("--%1 wants milliseconds (0 or more), not '%2'").arg(option.names().first(), parser.value(option));
        return false;
    }
    *value = parsed;
    return true;
}

} // namespace

RunOptions::RunOptions()
    : m_dryRun(QStringLiteral("dry-run"), Tr::tr("Show the plan and the SQL; change nothing."))
    , m_tx(QStringLiteral("tx"),
           Tr::tr("all: every migration in one transaction (drizzle's way, the default); each: one transaction per "
                  "migration."),
           QStringLiteral("all|each"), QStringLiteral("all"))
    , m_lockTimeout(QStringLiteral("lock-timeout"),
                    Tr::tr("Give up a statement that waits longer than this for a lock (default 10000; 0: wait for ever)."),
                    Tr::tr("ms"))
    , m_statementTimeout(QStringLiteral("statement-timeout"),
                         Tr::tr("Give up a statement that runs longer than this (default 0: no limit)."), Tr::tr("ms"))
    , m_noWait(QStringLiteral("no-wait"), Tr::tr("Fail at once when another migration run holds the lock."))
    , m_noAudit(QStringLiteral("no-audit"), Tr::tr("Do not record the run in the __strata_runs table."))
    , m_json(QStringLiteral("json"), Tr::tr("Print one JSON object per event, for CI logs."))
{
}

void RunOptions::addTo(QCommandLineParser &parser) const
{
    m_database.addTo(parser);
    parser.addOptions({m_dryRun, m_tx, m_lockTimeout, m_statementTimeout, m_noWait, m_noAudit, m_json});
}

int RunOptions::execute(const QString &command, const QCommandLineParser &parser, RunRequest request,
                        const std::function<bool(const MigrationRunner &)> &confirm) const
{
    QTextStream err(stderr);
    const auto usage = [&](const QString &message) {
        err << QStringLiteral("strata %1: ").arg(command) << message << Qt::endl;
        return 2;
    };
    QString error;
    const std::optional<DatabaseOptions::Resolved> target = m_database.resolve(parser, &error);
    if (!target)
        return usage(error);

    const QString tx = parser.value(m_tx);
    if (tx != QLatin1String("all") && tx != QLatin1String("each"))
        return usage(Tr::tr("--tx is all or each, not '%1'").arg(tx));
    if (request.action == RunRequest::Action::Rollback && parser.isSet(m_tx))
        return usage(Tr::tr("a rollback runs in one transaction; --tx is for migrate"));
    request.mode = tx == QLatin1String("each") ? TransactionMode::Each : TransactionMode::All;
    if (!milliseconds(parser, m_lockTimeout, &request.lockTimeoutMs, &error)
        || !milliseconds(parser, m_statementTimeout, &request.statementTimeoutMs, &error))
        return usage(error);
    request.wait = !parser.isSet(m_noWait);
    request.audit = !parser.isSet(m_noAudit);
    request.dryRun = parser.isSet(m_dryRun);

    const MigrationFolder &folder = target->folder.folder;
    const QString &shown = target->folder.shownPath;
    if (folder.layout() == MigrationFolder::Layout::Missing)
        return usage(Tr::tr("there is no migrations folder at %1").arg(shown));
    if (folder.hasErrors()) {
        for (const MigrationProblem &problem : folder.problems()) {
            if (problem.severity == MigrationProblem::Severity::Error)
                err << problem.toString(shown) << Qt::endl;
        }
        return usage(Tr::tr("%1 has errors (above; 'strata check' shows all): fix them before applying").arg(shown));
    }
    if (!request.target.isEmpty() && !folder.migration(request.target))
        return usage(Tr::tr("no migration %1 in %2").arg(request.target, shown));

    MigrationRunner runner(target->spec, folder, target->ledger, request);
    RunConsole console(command, shown, parser.isSet(m_json) ? RunConsole::Format::Json : RunConsole::Format::Auto);
    if (confirm)
        console.setConfirm(confirm);
    const QString database = target->spec.isEmpty() ? target->specSource : target->spec.displayName();
    return console.run(runner, database);
}

} // namespace strata
