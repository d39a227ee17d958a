#include "RollbackCommand.h"

#include "RunOptions.h"
#include "Tr.h"

#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace strata {

int RollbackCommand::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Undo applied migrations: run their down SQL and delete their ledger rows, in one transaction."));
    const QCommandLineOption help = parser.addHelpOption();
    const RunOptions options;
    options.addTo(parser);
    const QCommandLineOption to(QStringLiteral("to"), Tr::tr("Roll back every migration applied after this one."),
                                Tr::tr("tag"));
    const QCommandLineOption steps(QStringLiteral("steps"), Tr::tr("Roll back the newest n applied migrations."),
                                   QStringLiteral("n"));
    const QCommandLineOption yes(QStringLiteral("yes"), Tr::tr("Do not ask before running the SQL."));
    parser.addOptions({to, steps, yes});
    if (!parser.parse(arguments) || !parser.positionalArguments().isEmpty()) {
        err << (parser.errorText().isEmpty() ? Tr::tr("strata rollback takes no arguments") : parser.errorText())
            << Qt::endl << Tr::tr("Try 'strata rollback --help'.") << Qt::endl;
        return 2;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return 0;
    }
    RunRequest request;
    request.action = RunRequest::Action::Rollback;
    if (parser.isSet(to) == parser.isSet(steps)) {
        err << Tr::tr("strata rollback: give --to <tag> or --steps <n>") << Qt::endl;
        return 2;
    }
    if (parser.isSet(steps)) {
        bool ok = false;
        request.steps = parser.value(steps).toInt(&ok);
        if (!ok || request.steps < 1) {
            err << Tr::tr("strata rollback: --steps wants a number of 1 or more, not '%1'").arg(parser.value(steps)) << Qt::endl;
            return 2;
        }
    }
    request.target = parser.value(to);

    bool needsYes = false;
    std::function<bool(const MigrationRunner &)> confirm;
    if (!parser.isSet(yes) && !options.dryRun(parser)) {
        request.confirm = true;
        // The SQL is shown before anything runs; only a person at a terminal can say yes.
        confirm = [&](const MigrationRunner &runner) {
            QTextStream shown(options.json(parser) ? stderr : stdout);
            shown << Qt::endl << runner.batch().sqlText() << Qt::endl;
            if (!::isatty(STDIN_FILENO)) {
                needsYes = true;
                return false;
            }
            shown << Tr::tr("Run this rollback? [y/N] ") << Qt::flush;
            char answer[16] = {};
            if (!std::fgets(answer, sizeof answer, stdin))
                return false;
            return answer[0] == 'y' || answer[0] == 'Y';
        };
    }
    const int code = options.execute(QStringLiteral("rollback"), parser, request, confirm);
    if (needsYes) {
        err << Tr::tr("strata rollback: not run: there is no terminal to ask on; pass --yes to run the SQL above") << Qt::endl;
        return 1;
    }
    return code;
}

} // namespace strata
